package io.okpay.ledger.boundary;

/** Where a hold is: pending until posted, voided or expired; each of those ends it. */
public enum HoldState {
    PENDING, POSTED, VOIDED, EXPIRED
}
