package io.okpay.webhook.control;

import io.okpay.webhook.entity.WebhookAttempt;
import io.okpay.webhook.entity.WebhookDelivery;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The delivery table as the dispatcher sees it: each method is its own short transaction, never around a call. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryStore {

    /** How long a claimed delivery stays with one dispatcher: longer than a batch of calls at their timeout. */
    static final Duration LEASE = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /**
     * Claims up to {@code limit} due deliveries. SKIP LOCKED lets several instances claim at once without waiting for
     * each other's rows; the lease keeps a claimed row away from the others after this transaction commits.
     */
    @SuppressWarnings("unchecked")
    public List<DueDelivery> claimDue(Instant now, int limit) {
        List<Long> ids = em.createNativeQuery("""
                        SELECT id FROM webhook_delivery
                        WHERE status = 'PENDING' AND next_attempt_at <= ?1 AND (locked_until IS NULL OR locked_until < ?1)
                        ORDER BY next_attempt_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED""", Long.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<WebhookDelivery> deliveries = em.createQuery("""
                        SELECT d FROM WebhookDelivery d JOIN FETCH d.event JOIN FETCH d.endpoint
                        WHERE d.id IN :ids ORDER BY d.nextAttemptAt""", WebhookDelivery.class)
                .setParameter("ids", ids)
                .getResultList();
        Instant until = now.plus(LEASE);
        return deliveries.stream().map(d -> {
            d.claim(until);
            return new DueDelivery(d.id(), d.endpoint().id(), d.endpoint().publicId(), d.endpoint().url(),
                    d.endpoint().sealedSecret(), d.endpoint().active(), d.event().publicId(), d.event().body(),
                    d.createdAt(), d.attempts());
        }).toList();
    }

    /** Logs an HTTP attempt and moves the delivery on: delivered, due again at {@code next}, or failed for good. */
    public void attempted(long deliveryId, WebhookAttempt attempt, boolean delivered, Instant next, boolean giveUp) {
        em.persist(attempt);
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivered) {
            delivery.delivered(attempt.attemptedAt());
        } else {
            delivery.attemptFailed(next, giveUp);
        }
    }

    /** No call was made: due again at {@code next}, or failed for good. */
    public void postpone(long deliveryId, Instant next, boolean giveUp) {
        em.find(WebhookDelivery.class, deliveryId).postpone(next, giveUp);
    }
}
