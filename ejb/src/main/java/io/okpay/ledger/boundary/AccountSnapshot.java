package io.okpay.ledger.boundary;

import io.okpay.ledger.entity.LedgerAccount;

import java.time.Instant;

/**
 * An account and its balances at one moment, in its normal direction and in minor units: {@code held} is reserved by
 * pending holds, {@code available = balance - held} is what can still be spent.
 */
public record AccountSnapshot(long id, OwnerType ownerType, String ownerId, Purpose purpose, String currency,
                              AccountType type, AccountStatus status, boolean noNegative, long balance, long held,
                              long available, Instant createdAt) {

    static AccountSnapshot of(LedgerAccount a) {
        return new AccountSnapshot(a.id(), a.ownerType(), a.ownerId(), a.purpose(), a.currency(), a.type(), a.status(),
                a.noNegative(), a.balance(), a.held(), a.available(), a.createdAt());
    }
}
