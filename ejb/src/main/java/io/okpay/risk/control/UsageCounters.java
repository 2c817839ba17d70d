package io.okpay.risk.control;

import io.okpay.risk.boundary.LimitPeriod;
import io.okpay.risk.boundary.MovementKind;
import io.okpay.risk.boundary.Tier;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The counter rows of the limits (table risk_usage), one per owner and kind, written in the posting's own
 * transaction. {@link #lock} takes the row with SELECT ... FOR UPDATE (creating it first if need be), so postings of
 * one owner and kind add up one after the other however many run at once, and a refused posting adds nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class UsageCounters {

    private static final String LOCK = "SELECT hour_start, hour_count, day_start, day_used, month_start, month_used "
            + "FROM risk_usage WHERE owner_id = ?1 AND kind = ?2 FOR UPDATE";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** The owner's usage of this kind now, with the row locked until the transaction ends. */
    public Usage lock(String ownerId, MovementKind kind, Instant now) {
        List<?> rows = select(LOCK, ownerId, kind);
        if (rows.isEmpty()) {
            // Two first movements at once: one inserts, the other waits for it and inserts nothing.
            em.createNativeQuery("INSERT IGNORE INTO risk_usage (owner_id, kind, hour_start, hour_count, day_start, "
                            + "day_used, month_start, month_used) VALUES (?1, ?2, ?3, 0, ?4, 0, ?5, 0)")
                    .setParameter(1, ownerId).setParameter(2, kind.key())
                    .setParameter(3, ts(LimitPeriod.PER_HOUR.start(now)))
                    .setParameter(4, ts(LimitPeriod.DAY.start(now)))
                    .setParameter(5, ts(LimitPeriod.MONTH.start(now)))
                    .executeUpdate();
            rows = select(LOCK, ownerId, kind);
        }
        return usage((Object[]) rows.get(0), now);
    }

    /**
     * Adds one movement of {@code amount} in one round trip, moving passed windows on, if the owner's row exists and
     * the movement fits every limit of {@code tier}: the same test as {@link LimitRules#check}, done by the UPDATE on the
     * row it locks, so concurrent postings of one owner still add up one after the other. False when the row is
     * missing or a limit would be passed: then nothing was written, and {@link #lock} tells which. With
     * {@code unlessLocked} (money leaving a person's wallets) the same statement also refuses while the person is
     * frozen or self-locked (the test of {@link io.okpay.risk.boundary.LockState}), sparing a read of their lock row
     * on every posting; {@link LockRows#of} then tells whether that was why.
     */
    public boolean addWithin(String ownerId, MovementKind kind, long amount, LimitTable table, Tier tier,
                             Instant now, boolean unlessLocked) {
        // SET runs left to right: each counter is computed from its window's old start before the start moves on.
        var update = em.createNativeQuery("UPDATE risk_usage SET "
                        + "hour_count = IF(hour_start = ?1, hour_count, 0) + 1, hour_start = ?1, "
                        + "day_used = IF(day_start = ?2, day_used, 0) + ?4, day_start = ?2, "
                        + "month_used = IF(month_start = ?3, month_used, 0) + ?4, month_start = ?3 "
                        + "WHERE owner_id = ?5 AND kind = ?6 AND ?4 <= ?7 "
                        + "AND IF(hour_start = ?1, hour_count, 0) + 1 <= ?8 "
                        + "AND IF(day_start = ?2, day_used, 0) + ?4 <= ?9 "
                        + "AND IF(month_start = ?3, month_used, 0) + ?4 <= ?10"
                        + (unlessLocked ? " AND NOT EXISTS (SELECT 1 FROM risk_account_lock l WHERE l.user_id = ?5 "
                        + "AND (l.frozen_at IS NOT NULL OR (l.self_locked_at IS NOT NULL "
                        + "AND (l.unlock_at IS NULL OR l.unlock_at > ?11))))" : ""))
                .setParameter(1, ts(LimitPeriod.PER_HOUR.start(now)))
                .setParameter(2, ts(LimitPeriod.DAY.start(now)))
                .setParameter(3, ts(LimitPeriod.MONTH.start(now)))
                .setParameter(4, amount)
                .setParameter(5, ownerId).setParameter(6, kind.key())
                .setParameter(7, table.max(tier, kind, LimitPeriod.TRANSACTION))
                .setParameter(8, table.max(tier, kind, LimitPeriod.PER_HOUR))
                .setParameter(9, table.max(tier, kind, LimitPeriod.DAY))
                .setParameter(10, table.max(tier, kind, LimitPeriod.MONTH));
        if (unlessLocked) {
            update.setParameter(11, ts(now));
        }
        return update.executeUpdate() == 1;
    }

    /** The owner's usage of every kind now, without locks (for showing the limits). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<MovementKind, Usage> read(String ownerId, Instant now) {
        Map<MovementKind, Usage> all = new EnumMap<>(MovementKind.class);
        for (Object row : em.createNativeQuery("SELECT hour_start, hour_count, day_start, day_used, month_start, "
                        + "month_used, kind FROM risk_usage WHERE owner_id = ?1")
                .setParameter(1, ownerId).getResultList()) {
            Object[] columns = (Object[]) row;
            all.put(MovementKind.valueOf(((String) columns[6]).toUpperCase(java.util.Locale.ROOT)), usage(columns, now));
        }
        return all;
    }

    /** Writes the usage after one more movement of {@code amount}, all windows moved to the current ones. */
    public void add(String ownerId, MovementKind kind, Usage before, long amount, Instant now) {
        em.createNativeQuery("UPDATE risk_usage SET hour_start = ?1, hour_count = ?2, day_start = ?3, day_used = ?4, "
                        + "month_start = ?5, month_used = ?6 WHERE owner_id = ?7 AND kind = ?8")
                .setParameter(1, ts(LimitPeriod.PER_HOUR.start(now)))
                .setParameter(2, before.of(LimitPeriod.PER_HOUR) + 1)
                .setParameter(3, ts(LimitPeriod.DAY.start(now)))
                .setParameter(4, Math.addExact(before.of(LimitPeriod.DAY), amount))
                .setParameter(5, ts(LimitPeriod.MONTH.start(now)))
                .setParameter(6, Math.addExact(before.of(LimitPeriod.MONTH), amount))
                .setParameter(7, ownerId).setParameter(8, kind.key())
                .executeUpdate();
    }

    private List<?> select(String sql, String ownerId, MovementKind kind) {
        return em.createNativeQuery(sql).setParameter(1, ownerId).setParameter(2, kind.key()).getResultList();
    }

    private static Usage usage(Object[] row, Instant now) {
        return Usage.of(now, LockRows.instant(row[0]), number(row[1]), LockRows.instant(row[2]), number(row[3]),
                LockRows.instant(row[4]),
                number(row[5]));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
