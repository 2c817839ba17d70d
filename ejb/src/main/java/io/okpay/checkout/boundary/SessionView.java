package io.okpay.checkout.boundary;

import io.okpay.shared.Money;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * A checkout session as merchants and the checkout page see it. {@code paymentId} only once it is complete;
 * {@code replayed} when a repeated request with the same idempotency key got the first session.
 */
public record SessionView(String id, String merchantId, SessionStatus status, Money amount, String merchantReference,
                          String description, String url, String successUrl, String cancelUrl, String customerEmail,
                          Map<String, String> metadata, String paymentId, Instant createdAt, Instant expiresAt,
                          boolean replayed) implements Serializable {
}
