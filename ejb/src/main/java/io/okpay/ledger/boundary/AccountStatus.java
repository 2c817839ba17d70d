package io.okpay.ledger.boundary;

/** Frozen and closed accounts take no postings (and no holds); frozen can be thawed, closed is final. */
public enum AccountStatus {
    ACTIVE, FROZEN, CLOSED
}
