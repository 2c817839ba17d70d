package io.okpay.funding.control;

import io.okpay.currency.boundary.Currencies;
import io.okpay.funding.boundary.TopUpMethod;
import io.okpay.funding.entity.TopUp;
import io.okpay.identity.boundary.UserView;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.PostedTransaction;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.shared.Messages;
import io.okpay.shared.Money;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * The one posting that settles a top-up, whatever its method: the clearing account is debited what the person paid,
 * the wallet is credited the amount and the fees account the fee, and the receipt e-mail commits with it. The
 * posting's idempotency key makes crediting the same top-up again a replay that moves no money; the top-up row is
 * then marked SUCCEEDED with the ledger's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TopUpCrediting {

    static final String LEDGER_SCOPE = "topup";
    static final String LEDGER_CODE = "topup";
    static final String RECEIPT_TEMPLATE = "topup-receipt";

    @Inject
    Currencies currencies;

    @EJB
    TopUpRecords records;

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String baseUrl;

    /** Credits the top-up from its method's clearing account, keyed by the top-up's id. */
    public TopUp credit(TopUp topUp, UserView user) {
        Purpose clearing = switch (topUp.method()) {
            case CARD -> Purpose.FUNDING_CARD;
            case BANK_TRANSFER -> Purpose.FUNDING_BANK;
            case VOUCHER -> Purpose.FUNDING_VOUCHER;
        };
        return credit(topUp, user, clearing, LEDGER_SCOPE, topUp.publicId());
    }

    /**
     * Credits the top-up from another house account (money an operator found in suspense), under the posting key of
     * the caller's choosing (the statement line, so that a line is resolved at most once).
     */
    public TopUp credit(TopUp topUp, UserView user, Purpose clearing, String scope, String idempotencyKey) {
        int exponent = currencies.exponent(topUp.currency());
        Money amount = new Money(topUp.amount(), topUp.currency(), exponent);
        Money fee = new Money(topUp.fee(), topUp.currency(), exponent);
        // A card or bank payer pays amount + fee; a voucher is worth its amount, of which the fee is kept.
        Money debit = topUp.method() == TopUpMethod.VOUCHER ? amount : amount.plus(fee);
        Money credited = topUp.method() == TopUpMethod.VOUCHER ? amount.minus(fee) : amount;
        List<Line> lines = new ArrayList<>();
        lines.add(Line.debit(accounts.house(clearing, topUp.currency()).id(), debit));
        lines.add(Line.credit(accounts.wallet(OwnerType.USER, topUp.userId(), topUp.currency()).id(), credited));
        if (fee.isPositive()) {
            lines.add(Line.credit(accounts.house(Purpose.FEES, topUp.currency()).id(), fee));
        }
        String methodName = Messages.get(user.locale(), topUp.method().messageKey());
        PostingRequest posting = PostingRequest.of(scope, idempotencyKey, LEDGER_CODE, lines)
                .withExternalRef(topUp.authorisationId())
                .withMemo(methodName)
                .withEffects(PostingRequest.Effect.mail(user.email(), user.locale(),
                        RECEIPT_TEMPLATE, user.displayName(), credited.toDecimal() + " " + topUp.currency(),
                        fee.toDecimal() + " " + topUp.currency(), debit.toDecimal() + " " + topUp.currency(),
                        methodName, topUp.publicId(), home()));
        PostedTransaction posted = ledger.post(posting);
        return records.succeeded(topUp.publicId(), posted.id());
    }

    private String home() {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/wallet/home.xhtml";
    }
}
