package io.okpay.ledger.entity;

/** What a journal transaction does in ledger terms; its code says why (topup, p2p_transfer, payment_fee ...). */
public enum TransactionKind {
    /** Money moved: balanced entries. */
    POSTING,
    /** Funds reserved for a later post (card authorisation, checkout): no entries, a hold. */
    HOLD,
    /** The whole or part of a hold moved: entries; any remainder is released. */
    HOLD_POST,
    /** A hold released without moving money. */
    HOLD_VOID,
    /** A hold released because its deadline passed. */
    HOLD_EXPIRY,
    /** The exact opposite of an earlier posting: entries with every amount negated. */
    REVERSAL,
    /** An operator's correction, approved by a second operator: balanced entries against the operations account. */
    ADJUSTMENT
}
