package io.okpay.risk.control;

import io.okpay.risk.boundary.LockState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The freeze and self-lock of each person (table risk_account_lock); no row means neither. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class LockRows {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LockState of(String userId) {
        List<?> rows = em.createNativeQuery("SELECT frozen_at, frozen_reason, self_locked_at, unlock_at "
                + "FROM risk_account_lock WHERE user_id = ?1").setParameter(1, userId).getResultList();
        if (rows.isEmpty()) {
            return LockState.NONE;
        }
        Object[] row = (Object[]) rows.get(0);
        return new LockState(instant(row[0]), (String) row[1], instant(row[2]), instant(row[3]));
    }

    /** The row, locked for a change (created empty first when the person has none). */
    public LockState lock(String userId) {
        em.createNativeQuery("INSERT IGNORE INTO risk_account_lock (user_id) VALUES (?1)").setParameter(1, userId)
                .executeUpdate();
        em.createNativeQuery("SELECT user_id FROM risk_account_lock WHERE user_id = ?1 FOR UPDATE")
                .setParameter(1, userId).getResultList();
        return of(userId);
    }

    public void freeze(String userId, String by, String reason, Instant at) {
        update("frozen_at = ?2, frozen_by = ?3, frozen_reason = ?4", userId, ts(at), by, reason);
    }

    public void unfreeze(String userId) {
        update("frozen_at = NULL, frozen_by = NULL, frozen_reason = NULL", userId);
    }

    public void selfLock(String userId, Instant at) {
        update("self_locked_at = ?2, unlock_at = NULL", userId, ts(at));
    }

    public void unlockAt(String userId, Instant at) {
        update("unlock_at = ?2", userId, ts(at));
    }

    public void clearSelfLock(String userId) {
        update("self_locked_at = NULL, unlock_at = NULL", userId);
    }

    private void update(String set, String userId, Object... values) {
        var query = em.createNativeQuery("UPDATE risk_account_lock SET " + set + " WHERE user_id = ?1")
                .setParameter(1, userId);
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 2, values[i]);
        }
        query.executeUpdate();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return Timestamp.valueOf(local).toInstant();
        }
        return (Instant) value;
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
