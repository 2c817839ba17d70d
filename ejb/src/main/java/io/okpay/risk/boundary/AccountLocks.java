package io.okpay.risk.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.boundary.StepUp;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.notification.boundary.Mail;
import io.okpay.risk.control.LockRows;
import io.okpay.risk.control.UnlockWrites;
import io.okpay.shared.BusinessException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Stopping the money that leaves a person's wallets (money coming in still arrives). Compliance freezes and unfreezes
 * an account, with a reason kept in the audit log; the person may lock their own account at once ("someone else is
 * using my account"), and unlock it only with a one-time code, 24 hours after giving it, so that whoever took the
 * account cannot undo the lock at once. The person is told by e-mail of every change (through the outbox).
 */
@Stateless
public class AccountLocks {

    /** The step-up action that approves an unlock. */
    public static final String UNLOCK_ACTION = "unlock-account";
    /** How long an approved unlock waits before money may leave again. */
    public static final Duration UNLOCK_WAIT = Duration.ofHours(24);
    private static final int MAX_REASON = 500;

    @EJB
    LockRows rows;

    @EJB
    Users users;

    @EJB
    StepUp stepUp;

    @EJB
    AuditLog audit;

    @EJB
    Mail mail;

    @EJB
    UnlockWrites unlocks;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LockState of(String userId) {
        return rows.of(users.require(userId).id());
    }

    /** Compliance freezes a person's account (reason required, 1-500 characters); freezing again changes the reason. */
    public LockState freeze(String actorId, String userId, String reason, String ip) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("reason", "freeze_reason_invalid",
                    MAX_REASON)));
        }
        UserView user = users.require(userId);
        rows.lock(user.id());
        rows.freeze(user.id(), actorId, why, now());
        audit.record(actorId, "risk.freeze", ip, user.id() + " frozen: " + why);
        mail.send(user.email(), user.locale(), "account-frozen", user.displayName());
        return rows.of(user.id());
    }

    public LockState unfreeze(String actorId, String userId, String reason, String ip) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("reason", "freeze_reason_invalid",
                    MAX_REASON)));
        }
        UserView user = users.require(userId);
        LockState state = rows.lock(user.id());
        if (!state.frozen()) {
            throw new BusinessException("account_not_frozen");
        }
        rows.unfreeze(user.id());
        audit.record(actorId, "risk.unfreeze", ip, user.id() + " unfrozen: " + why);
        mail.send(user.email(), user.locale(), "account-unfrozen", user.displayName());
        return rows.of(user.id());
    }

    /** The person locks their own account, at once; locking again also cancels an unlock that is waiting. */
    public LockState lock(String userId, String ip) {
        UserView user = users.require(userId);
        rows.lock(user.id());
        rows.selfLock(user.id(), now());
        audit.record(user.id(), "risk.self-lock", ip, user.id());
        mail.send(user.email(), user.locale(), "account-self-locked", user.displayName());
        return rows.of(user.id());
    }

    /**
     * Unlocks the person's own lock 24 hours from now. Without a code, sends one and throws {@link StepUpRequired};
     * with the challenge and its code, sets the time (again: the first time stays). Refused (not_self_locked) when
     * there is no self-lock to end. No transaction of its own: the code is sent and checked in the identity feature's
     * transactions (a wrong try must count even though this call fails), the end is written in another.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public LockState unlock(String userId, String challengeId, String code, String ip) {
        UserView user = users.require(userId);
        Instant now = now();
        LockState state = rows.of(user.id());
        if (!state.selfLocked(now)) {
            throw new BusinessException("not_self_locked");
        }
        if (state.unlocking(now)) {
            return state;
        }
        if (challengeId == null || challengeId.isBlank()) {
            throw new StepUpRequired(stepUp.begin(user.id(), UNLOCK_ACTION));
        }
        stepUp.verify(user.id(), challengeId, UNLOCK_ACTION, code);
        return unlocks.unlockAt(user, now, now.plus(UNLOCK_WAIT), ip);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
