package io.okpay.checkout.boundary;

import io.okpay.shared.Money;

import java.io.Serializable;
import java.time.Instant;

/** Money given back from a payment to its payer; {@code replayed} when a repeated request got the first refund. */
public record RefundView(String id, String paymentId, String merchantId, Money amount, String reason, Instant createdAt,
                         boolean replayed) implements Serializable {
}
