package io.okpay.checkout.boundary;

import io.okpay.checkout.control.CheckoutRecords;
import io.okpay.checkout.control.CheckoutRules;
import io.okpay.checkout.control.CheckoutViews;
import io.okpay.checkout.entity.CheckoutPayment;
import io.okpay.checkout.entity.CheckoutRefund;
import io.okpay.checkout.entity.CheckoutSession;
import io.okpay.checkout.entity.PaymentStatus;
import io.okpay.checkout.entity.RefundStatus;
import io.okpay.currency.boundary.Amounts;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.PostedTransaction;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.shared.persistence.WriteConflict;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.IdempotencyKey;
import io.okpay.shared.Money;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.PublicIds;
import io.okpay.webhook.boundary.WebhookEvents;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static io.okpay.ledger.boundary.PostingRequest.Effect.mail;

/**
 * Merchants giving money back from a payment: from the merchant's balance in the payment's currency to the payer's
 * wallet. OKPay keeps its fee (as Stripe does): a full refund returns the whole amount to the payer, and the merchant,
 * who received the amount less the fee, pays the difference from its balance.
 * <p>
 * The refund is counted against the payment under the payment's lock before it is posted (so refunds never add up
 * to more than was paid), posted under the key "refund:" + refund id, and removed again if the ledger refuses it
 * (insufficient_funds: the merchant's balance is too low).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Refunds {

    static final String LEDGER_CODE = "refund";
    static final String REFUND_SUCCEEDED = "refund.succeeded";

    @EJB
    CheckoutRecords records;

    @Inject
    CheckoutViews views;

    @EJB
    Merchants merchants;

    @EJB
    Users users;

    @EJB
    Amounts amounts;

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    /**
     * Refunds {@code amount} (decimal; null for what is left) of the merchant's payment. The same key and request
     * again return the first refund; the same key with another request is idempotency_conflict.
     */
    public RefundView refund(String merchantId, String paymentId, String idempotencyKey, String amount, String reason) {
        String key = IdempotencyKey.of(idempotencyKey);
        CheckoutPayment payment = records.paymentById(paymentId)
                .filter(p -> p.merchantId().equals(merchantId) && p.status() == PaymentStatus.SUCCEEDED)
                .orElseThrow(BusinessException::notFound);
        Long asked = amount == null || amount.isBlank() ? null : amounts.positive(amount, payment.currency()).minor();
        List<FieldError> errors = new ArrayList<>();
        String why = CheckoutRules.text(reason, CheckoutRules.REASON_MAX_LENGTH, "reason", errors);
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        String freshId = PublicIds.newId("re");
        CheckoutRefund refund;
        try {
            refund = records.reserveRefund(merchantId, paymentId, key, asked, why, freshId,
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
        } catch (WriteConflict lost) {
            refund = records.refundByKey(merchantId, key).orElseThrow(() -> lost);
        }
        boolean replay = !refund.publicId().equals(freshId);
        if (!refund.paymentId().equals(paymentId) || (asked != null && asked != refund.amount())
                || !Objects.equals(why, refund.reason())) {
            throw new BusinessException("idempotency_conflict");
        }
        if (refund.status() == RefundStatus.SUCCEEDED) {
            return views.refund(refund, true);
        }
        CheckoutSession session = records.session(payment.sessionId()).orElseThrow();
        PostedTransaction posted;
        try {
            posted = ledger.post(posting(refund, payment, session, merchants.require(merchantId)));
        } catch (BusinessException refused) {
            records.releaseRefund(refund.publicId());
            throw refused;
        }
        return views.refund(records.completeRefund(refund.publicId(), posted.id()), posted.replayed() || replay);
    }

    /** The succeeded refunds of the merchant's payment, newest first; 404 for anyone else's payment. */
    public List<RefundView> of(String merchantId, String paymentId) {
        records.paymentById(paymentId).filter(p -> p.merchantId().equals(merchantId) && p.status() == PaymentStatus.SUCCEEDED)
                .orElseThrow(BusinessException::notFound);
        return records.refundsOf(paymentId).stream().map(r -> views.refund(r, false)).toList();
    }

    /** One succeeded refund of the merchant's payment; 404 for anyone else's. */
    public RefundView find(String merchantId, String paymentId, String refundId) {
        return records.refundById(refundId == null ? "" : refundId)
                .filter(r -> r.merchantId().equals(merchantId) && r.paymentId().equals(paymentId)
                        && r.status() == RefundStatus.SUCCEEDED)
                .map(r -> views.refund(r, false)).orElseThrow(BusinessException::notFound);
    }

    private PostingRequest posting(CheckoutRefund refund, CheckoutPayment payment, CheckoutSession session,
                                   MerchantView merchant) {
        Money money = views.money(refund.amount(), refund.currency());
        UserView payer = users.require(payment.payerId());
        Locale merchantLocale = users.require(merchant.ownerId()).locale();
        String reference = session.merchantReference() == null ? "-" : session.merchantReference();
        String reason = refund.reason() == null ? "-" : refund.reason();
        List<PostingRequest.Effect> effects = List.of(
                mail(payer.email(), payer.locale(), "checkout-refund", payer.displayName(),
                        MoneyFormat.format(money, payer.locale()), merchant.businessName(), reference, refund.publicId(),
                        reason),
                mail(merchant.supportEmail(), merchantLocale, "checkout-refunded",
                        merchant.businessName(), MoneyFormat.format(money, merchantLocale), payment.publicId(), reference,
                        refund.publicId(), payer.email()),
                WebhookEvents.effect(WebhookEvents.eventId(REFUND_SUCCEEDED, refund.publicId()), merchant.id(),
                        REFUND_SUCCEEDED, CheckoutJson.refund(views.refund(refund, false))));
        return PostingRequest.of(CheckoutPayments.LEDGER_SCOPE, "refund:" + refund.publicId(), LEDGER_CODE,
                        Line.debit(accounts.wallet(OwnerType.MERCHANT, merchant.id(), money.currency()).id(), money),
                        Line.credit(accounts.wallet(OwnerType.USER, payer.id(), money.currency()).id(), money))
                .withExternalRef(payment.publicId())
                .withEffects(effects);
    }
}
