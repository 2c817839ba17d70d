package io.okpay.funding.boundary;

import io.okpay.shared.Money;

import java.time.Instant;

/**
 * A top-up as the person and the API see it. {@code card} is null for other methods;
 * {@code reference} and {@code expiresAt} belong to a bank transfer (what to write on it, and until when); {@code failureCode} is set when
 * it failed, {@code transactionId} (the ledger's {@code txn_...}) when it succeeded. {@code replayed} is true when the
 * request repeated an idempotency key and this is the first request's top-up.
 */
public record TopUpView(String id, String userId, TopUpMethod method, TopUpStatus status, Money amount, Money fee,
                        Money total, Card card, String reference, Instant expiresAt, String failureCode,
                        String transactionId, Instant createdAt, boolean replayed) {

    /** What OKPay keeps of a card: brand, last four digits, expiry. */
    public record Card(String brand, String lastFour, int expMonth, int expYear) {
    }

    TopUpView asReplay() {
        return new TopUpView(id, userId, method, status, amount, fee, total, card, reference, expiresAt, failureCode,
                transactionId, createdAt, true);
    }
}
