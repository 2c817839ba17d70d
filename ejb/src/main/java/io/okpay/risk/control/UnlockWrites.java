package io.okpay.risk.control;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.boundary.UserView;
import io.okpay.notification.boundary.Mail;
import io.okpay.risk.boundary.LockState;
import io.okpay.shared.TimeZones;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Instant;

/**
 * Sets when a self-lock ends, once the code was checked: a transaction of its own, so that the code's check (which
 * keeps its own count of wrong tries) is never rolled back with it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class UnlockWrites {

    @EJB
    LockRows rows;

    @EJB
    AuditLog audit;

    @EJB
    Mail mail;

    /** The lock ends at {@code at} (unless it was lifted, or an end was set meanwhile: then nothing changes). */
    public LockState unlockAt(UserView user, Instant now, Instant at, String ip) {
        LockState state = rows.lock(user.id());
        if (!state.selfLocked(now) || state.unlocking(now)) {
            return state;
        }
        rows.unlockAt(user.id(), at);
        audit.record(user.id(), "risk.unlock-requested", ip, user.id() + " unlocks at " + at);
        mail.send(user.email(), user.locale(), "account-unlock-requested", user.displayName(),
                TimeZones.format(at, user.timeZone(), user.locale()));
        return rows.of(user.id());
    }
}
