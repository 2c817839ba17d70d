package io.okpay.ledger.entity;

/** How a journal transaction relates to an earlier one. */
public enum Relation {
    /** Reverses it entirely. */
    REVERSES,
    /** Refunds (part of) a payment. */
    REFUNDS,
    /** Posts, voids or expires a hold. */
    CLOSES_HOLD,
    /** Any other follow-up (a fee charged for a payment, a chargeback of a top-up). */
    FOLLOWS
}
