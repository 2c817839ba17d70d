package io.okpay.ledger.entity;

/** Where a hold is: pending until posted, voided or expired; each of those ends it. */
public enum HoldState {
    PENDING, POSTED, VOIDED, EXPIRED
}
