package io.okpay.funding.boundary;

import io.okpay.funding.control.TopUpAnswers;
import io.okpay.funding.control.TopUpCrediting;
import io.okpay.funding.control.TopUpRecords;
import io.okpay.funding.control.TopUpValidator;
import io.okpay.funding.control.VoucherRedemptions;
import io.okpay.funding.entity.TopUp;
import io.okpay.funding.entity.VoucherCode;
import io.okpay.identity.boundary.Throttling;
import io.okpay.identity.boundary.UserView;
import io.okpay.shared.BusinessException;
import io.okpay.shared.persistence.DatabaseFailures;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;

/**
 * Topping a wallet up with an e-money voucher, in the voucher's currency. A code can be redeemed once
 * ({@link VoucherRedemptions} claims it); the money then moves in the top-up's posting ({@link TopUpCrediting}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VoucherTopUps {

    /** Wrong voucher codes a person may type before each further try waits longer (up to 15 minutes). */
    static final Throttling.Rule VOUCHER_GUESSES = new Throttling.Rule("voucher", 5, Duration.ofMinutes(15));

    @Inject
    TopUpValidator validator;

    @Inject
    TopUpAnswers answers;

    @EJB
    TopUpRecords records;

    @EJB
    VoucherRedemptions redemptions;

    @EJB
    TopUpCrediting crediting;

    @Inject
    Throttling throttling;

    /**
     * Redeems the voucher into the wallet. An unknown, used or expired code counts as a wrong guess, and after a few of
     * them each further try waits longer (429). The same idempotency key with the same code answers the first top-up.
     */
    public TopUpView topUp(VoucherTopUpCommand command) {
        UserView user = validator.check(command);
        String userId = command.userId();
        Throttling.Key guess = new Throttling.Key(VOUCHER_GUESSES, userId);
        // Counted as a wrong guess before the code is looked at; anything but a wrong code gives the count back.
        throttling.attempt("voucher_attempts_throttled", guess);
        boolean wrongCode = false;
        TopUp topUp;
        try {
            VoucherCode code;
            try {
                code = validator.code(command);
            } catch (BusinessException e) {
                wrongCode = true;
                throw e;
            }
            String hash = TopUpAnswers.requestHash("voucher", code.hash());
            Optional<TopUp> earlier = records.byKey(userId, command.idempotencyKey());
            if (earlier.isPresent()) {
                return answers.replay(earlier.get(), hash);
            }
            try {
                topUp = redemptions.redeem(userId, command.idempotencyKey(), hash, code);
            } catch (BusinessException e) {
                wrongCode = VoucherRedemptions.REFUSALS.contains(e.code());
                throw e;
            } catch (EJBException | jakarta.persistence.PersistenceException e) {
                if (!DatabaseFailures.isDuplicateKey(e)) {
                    throw e;
                }
                return answers.replay(records.byKey(userId, command.idempotencyKey()).orElseThrow(() -> e), hash);
            }
        } finally {
            if (!wrongCode) {
                throttling.refund(guess);
            }
        }
        throttling.reset(VOUCHER_GUESSES, userId);
        return answers.view(crediting.credit(topUp, user), false);
    }
}
