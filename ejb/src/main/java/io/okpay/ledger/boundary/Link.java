package io.okpay.ledger.boundary;

import io.okpay.ledger.entity.Relation;

/** Points a new transaction at an earlier one: a refund at its payment, a fee at what it was charged for. */
public record Link(String transactionId, Relation relation) {
}
