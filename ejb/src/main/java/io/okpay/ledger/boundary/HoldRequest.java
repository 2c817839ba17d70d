package io.okpay.ledger.boundary;

import io.okpay.shared.Money;

import java.time.Instant;

/**
 * Reserve {@code amount} on the debit account for a later transfer to the credit account (a card authorisation, a
 * checkout), until {@code expiresAt} at the latest.
 */
public record HoldRequest(String scope, String idempotencyKey, String code, String externalRef, String memo,
                          long debitAccountId, long creditAccountId, Money amount, Instant expiresAt) {
}
