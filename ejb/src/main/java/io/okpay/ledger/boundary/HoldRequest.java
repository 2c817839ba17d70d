package io.okpay.ledger.boundary;

import io.okpay.shared.Money;

import java.time.Instant;

/**
 * Reserve {@code amount} on the debit account for a later transfer to the credit account (a card authorisation, a
 * checkout), until {@code expiresAt} at the latest. {@code scope} and {@code idempotencyKey} mean what they mean in
 * {@link PostingRequest}.
 * <p>
 * Built from what every hold has, then the optional parts by name:
 * {@code HoldRequest.of(scope, key, "payout", from, to, amount, deadline).withExternalRef(payoutId)}.
 *
 * @param externalRef the caller's own reference (a payout id, a gateway authorisation), optional
 * @param memo        a short note kept with the transaction, optional
 */
public record HoldRequest(String scope, String idempotencyKey, String code, String externalRef, String memo,
                          long debitAccountId, long creditAccountId, Money amount, Instant expiresAt) {

    /** A hold of {@code amount} from one account for the other, without reference or memo until the {@code with...} methods add them. */
    public static HoldRequest of(String scope, String idempotencyKey, String code, long debitAccountId,
                                 long creditAccountId, Money amount, Instant expiresAt) {
        return new HoldRequest(scope, idempotencyKey, code, null, null, debitAccountId, creditAccountId, amount, expiresAt);
    }

    public HoldRequest withExternalRef(String externalRef) {
        return new HoldRequest(scope, idempotencyKey, code, externalRef, memo, debitAccountId, creditAccountId, amount,
                expiresAt);
    }

    public HoldRequest withMemo(String memo) {
        return new HoldRequest(scope, idempotencyKey, code, externalRef, memo, debitAccountId, creditAccountId, amount,
                expiresAt);
    }
}
