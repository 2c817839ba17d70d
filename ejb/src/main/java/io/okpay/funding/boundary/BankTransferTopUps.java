package io.okpay.funding.boundary;

import io.okpay.funding.control.TopUpAnswers;
import io.okpay.funding.control.TopUpRecords;
import io.okpay.funding.control.TopUpValidator;
import io.okpay.funding.entity.TopUp;
import io.okpay.funding.entity.TopUpReference;
import io.okpay.shared.persistence.DatabaseFailures;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Topping a wallet up by bank transfer: the top-up waits PENDING with a reference the person writes on the transfer
 * of the total (amount + fee). The wallet is credited when a statement line with that reference and total is
 * imported, or when an operator assigns money from suspense to it ({@link BankStatementImports}); a transfer that
 * does not arrive in time fails ({@link TopUpSettlement}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BankTransferTopUps {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TopUpValidator validator;

    @Inject
    TopUpAnswers answers;

    @EJB
    TopUpRecords records;

    @Inject
    @ConfigProperty(name = "okpay.topup.bank-transfer.valid-days", defaultValue = "14")
    int transferValidDays;

    /** The fee and total of a bank transfer top-up before the person confirms it, or field errors. */
    public FeeQuote quote(String amount, String currency) {
        return validator.quote(TopUpMethod.BANK_TRANSFER, amount, currency);
    }

    /**
     * Answers the PENDING top-up with its reference and expiry. The same idempotency key with the same request
     * answers the first top-up; with another request, 409.
     */
    public TopUpView topUp(BankTransferTopUpCommand command) {
        FeeQuote quote = validator.check(command).quote();
        String hash = TopUpAnswers.requestHash("bank_transfer", quote.amount().minor(), quote.amount().currency());
        Optional<TopUp> earlier = records.byKey(command.userId(), command.idempotencyKey());
        if (earlier.isPresent()) {
            return answers.replay(earlier.get(), hash);
        }
        Instant expiresAt = Instant.now().plus(Duration.ofDays(transferValidDays));
        for (int attempt = 1; ; attempt++) {
            try {
                return answers.view(records.createBankTransfer(command.userId(), command.idempotencyKey(), hash,
                        quote.amount().currency(), quote.amount().minor(), quote.fee().minor(),
                        TopUpReference.generate(RANDOM), expiresAt), false);
            } catch (EJBException | jakarta.persistence.PersistenceException e) {
                if (!DatabaseFailures.isDuplicateKey(e)) {
                    throw e;
                }
                Optional<TopUp> concurrent = records.byKey(command.userId(), command.idempotencyKey());
                if (concurrent.isPresent()) {
                    return answers.replay(concurrent.get(), hash);
                }
                if (attempt == 3) {
                    throw e;
                }
                // Otherwise the random reference was taken: draw another.
            }
        }
    }
}
