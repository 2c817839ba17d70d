package io.okpay.notification.control;

import io.okpay.notification.boundary.OutboxPriority;
import io.okpay.notification.entity.OutboxEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The outbox table as the dispatcher sees it: each method is its own short transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    /** How long a claimed event stays with one dispatcher before another instance may try it. */
    static final Duration LEASE = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /**
     * Claims up to {@code limit} due events. SKIP LOCKED lets several instances claim at once without waiting for or
     * taking each other's rows; the lease keeps a claimed row away from others after this transaction commits.
     */
    public List<OutboxEvent> claimDue(Instant now, int limit) {
        return claimDue(now, limit, OutboxPriority.NORMAL);
    }

    /** As {@link #claimDue(Instant, int)}, only events of this priority or a more urgent one. */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> claimDue(Instant now, int limit, OutboxPriority lowest) {
        List<Long> ids = em.createNativeQuery("""
                        SELECT id FROM outbox_event
                        WHERE status = 'PENDING' AND next_attempt_at <= ?1 AND (locked_until IS NULL OR locked_until < ?1)
                          AND priority <= ?3
                        ORDER BY priority, next_attempt_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED""", Long.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(3, lowest.ordinal())
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<OutboxEvent> events = em.createQuery("SELECT e FROM OutboxEvent e WHERE e.id IN :ids ORDER BY e.priority, e.id", OutboxEvent.class)
                .setParameter("ids", ids)
                .getResultList();
        Instant until = now.plus(LEASE);
        events.forEach(e -> e.claim(until));
        return events;
    }

    /**
     * One transaction for a batch: a durable commit per delivered event cost more than the delivery itself. Each event
     * keeps the payload given for it (its secrets blanked).
     */
    public void markDelivered(Map<Long, String> kept, Instant now) {
        if (kept.isEmpty()) {
            return;
        }
        em.createQuery("SELECT e FROM OutboxEvent e WHERE e.id IN :ids", OutboxEvent.class).setParameter("ids", kept.keySet())
                .getResultList().forEach(e -> e.delivered(now, kept.get(e.id())));
    }

    public void markFailed(long id, String error, Instant nextAttempt, boolean giveUp) {
        em.find(OutboxEvent.class, id).failed(error, nextAttempt, giveUp);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countPending() {
        return em.createQuery("SELECT COUNT(e) FROM OutboxEvent e WHERE e.status = :s", Long.class)
                .setParameter("s", OutboxEvent.Status.PENDING)
                .getSingleResult();
    }
}
