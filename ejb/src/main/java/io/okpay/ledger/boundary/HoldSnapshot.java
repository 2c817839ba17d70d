package io.okpay.ledger.boundary;


import java.time.Instant;

/** A hold and where it is; {@code postedAmount} is set once posted, {@code expiresAt} is null once the hold is kept. */
public record HoldSnapshot(String id, long debitAccountId, long creditAccountId, String currency, long amount,
                           HoldState state, Instant expiresAt, Long postedAmount) {
}
