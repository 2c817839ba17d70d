package io.okpay.checkout.boundary;

import io.okpay.shared.Money;

import java.io.Serializable;
import java.time.Instant;

/**
 * A succeeded checkout payment: {@code amount} paid by the payer, {@code fee} kept by OKPay, {@code refunded} given
 * back so far. {@code status} is succeeded, partially_refunded or refunded.
 */
public record PaymentView(String id, String sessionId, String merchantId, String payerId, String payerEmail,
                          Money amount, Money fee, Money refunded, String merchantReference, String description,
                          Instant createdAt) implements Serializable {

    public Money net() {
        return amount.minus(fee);
    }

    public Money refundable() {
        return amount.minus(refunded);
    }

    public String status() {
        return refunded.isZero() ? "succeeded" : refunded.minor() < amount.minor() ? "partially_refunded" : "refunded";
    }
}
