package io.okpay.funding.control;

import io.okpay.currency.boundary.Currencies;
import io.okpay.funding.boundary.TopUpMethod;
import io.okpay.funding.boundary.TopUpStatus;
import io.okpay.funding.boundary.TopUpView;
import io.okpay.funding.entity.TopUp;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import io.okpay.shared.crypto.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a top-up request answers: the top-up as the person sees it, and for a request that repeats an idempotency
 * key the first request's answer, which is the first top-up or the refusal it ended in, never something new.
 */
@ApplicationScoped
public class TopUpAnswers {

    @Inject
    Currencies currencies;

    /**
     * The fingerprint kept with a top-up's idempotency key: SHA-256 of the parts, each followed by a zero byte. Stored
     * fingerprints must keep matching their replays, so this form never changes.
     */
    public static String requestHash(Object... parts) {
        StringBuilder canonical = new StringBuilder();
        for (Object part : parts) {
            canonical.append(part).append('\0');
        }
        return Secrets.sha256(canonical.toString());
    }

    /** The answer to a request that repeats the key of {@code earlier}; 409 when it asks for something else. */
    public TopUpView replay(TopUp earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw new BusinessException("idempotency_conflict");
        }
        if (earlier.status() == TopUpStatus.FAILED) {
            // The first answer was this refusal: give it again rather than pretend it was something else.
            throw new BusinessException(earlier.failureCode());
        }
        return view(earlier, true);
    }

    public TopUpView view(TopUp topUp, boolean replayed) {
        int exponent = currencies.exponent(topUp.currency());
        Money amount = new Money(topUp.amount(), topUp.currency(), exponent);
        Money fee = new Money(topUp.fee(), topUp.currency(), exponent);
        TopUpView.Card card = topUp.cardLastFour() == null ? null : new TopUpView.Card(topUp.cardBrand(),
                topUp.cardLastFour(), topUp.cardExpMonth(), topUp.cardExpYear());
        Money total = topUp.method() == TopUpMethod.VOUCHER ? amount : amount.plus(fee);
        return new TopUpView(topUp.publicId(), topUp.userId(), topUp.method(), topUp.status(), amount, fee, total,
                card, topUp.reference(), topUp.expiresAt(), topUp.failureCode(), topUp.transactionId(),
                topUp.createdAt(), replayed);
    }
}
