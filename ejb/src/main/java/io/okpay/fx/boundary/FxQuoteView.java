package io.okpay.fx.boundary;

import io.okpay.shared.Money;

import java.time.Instant;

/** A quote as the person sees it: pay {@code sell} plus {@code fee}, receive {@code buy}, until {@code expiresAt}. */
public record FxQuoteView(String id, Money sell, Money buy, Money fee, String rate, Instant expiresAt) {

    public Money total() {
        return sell.plus(fee);
    }
}
