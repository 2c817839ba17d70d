package io.okpay.fx.boundary;

import io.okpay.shared.Money;

import java.time.Instant;

/** An executed quote; {@code replayed} when this answer repeats the first one. */
public record FxConversionView(String id, String quoteId, Money sell, Money buy, Money fee, String rate,
                               String transactionId, Instant createdAt, boolean replayed) {
}
