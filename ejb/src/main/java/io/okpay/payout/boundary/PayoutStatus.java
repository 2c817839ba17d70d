package io.okpay.payout.boundary;

import java.util.Locale;

/**
 * Where a payout is. PENDING (held, waiting for export) → PROCESSING (in a bank file) → PAID or FAILED; a pending
 * payout can also be CANCELLED by its owner. The -ING states mark a settlement in progress: whoever moved the row into
 * one owns the ledger step, and repeating the same action finishes a step a crash interrupted.
 */
public enum PayoutStatus {
    PENDING, PROCESSING, PAYING, PAID, FAILING, FAILED, CANCELLING, CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean settled() {
        return this == PAID || this == FAILED || this == CANCELLED;
    }
}
