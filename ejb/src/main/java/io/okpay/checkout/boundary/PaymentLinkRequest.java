package io.okpay.checkout.boundary;

import java.time.Instant;

/**
 * What a merchant asks for when it creates a payment link; validated by {@link PaymentLinks#create}. A null
 * {@code amount} makes an open amount; {@code quantityLimit} and {@code expiresAt} are optional.
 */
public record PaymentLinkRequest(String amount, String currency, String description, Integer quantityLimit,
                                 Instant expiresAt) {
}
