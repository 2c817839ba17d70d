package io.okpay.checkout.boundary;

import io.okpay.shared.Money;

import java.io.Serializable;
import java.time.Instant;

/**
 * A payment link as its merchant and its public page see it. {@code amount} is null for an open amount (the payer
 * chooses it; {@code exponent} says how many decimals the currency has); {@code paid} counts its payments so far;
 * {@code qrUrl} is an SVG QR code of {@code url}.
 */
public record PaymentLinkView(String id, String merchantId, String merchantName, Money amount, String currency,
                              int exponent, String description, Integer quantityLimit, Instant expiresAt,
                              PaymentLinkStatus status, long paid, String url, String qrUrl,
                              Instant createdAt)
        implements Serializable {

    public boolean openAmount() {
        return amount == null;
    }
}
