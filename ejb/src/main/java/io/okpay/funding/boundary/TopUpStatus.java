package io.okpay.funding.boundary;

import java.util.Locale;

/**
 * Where a top-up stands. PROCESSING: OKPay is talking to the card processor, or lost its answer and the
 * reconciliation job will settle it; REQUIRES_ACTION: the card issuer asks the person for a one-time code;
 * PENDING: a bank transfer top-up waits for the money to arrive with its reference (until it expires);
 * SUCCEEDED: the wallet is credited; FAILED: nothing was posted, and any card reservation is released.
 */
public enum TopUpStatus {
    PROCESSING,
    REQUIRES_ACTION,
    PENDING,
    SUCCEEDED,
    FAILED;

    /** The name in API bodies: {@code requires_action}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean settled() {
        return this == SUCCEEDED || this == FAILED;
    }
}
