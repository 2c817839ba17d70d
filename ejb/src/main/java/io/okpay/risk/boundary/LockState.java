package io.okpay.risk.boundary;

import java.time.Instant;

/**
 * Whether money may leave a person's wallets: not while compliance has frozen the account, nor while the person has
 * locked it themselves. A self-lock ends at {@code unlockAt}, 24 hours after the person confirmed the unlock with a
 * one-time code; until then it holds.
 */
public record LockState(Instant frozenAt, String frozenReason, Instant selfLockedAt, Instant unlockAt) {

    public static final LockState NONE = new LockState(null, null, null, null);

    public boolean frozen() {
        return frozenAt != null;
    }

    public boolean selfLocked(Instant now) {
        return selfLockedAt != null && (unlockAt == null || unlockAt.isAfter(now));
    }

    /** A self-lock whose end is set and not yet reached. */
    public boolean unlocking(Instant now) {
        return selfLocked(now) && unlockAt != null;
    }
}
