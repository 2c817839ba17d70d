package io.okpay.notification.boundary;

import io.okpay.notification.entity.OutboxEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/** Writes effects into the outbox, inside the transaction of the change that causes them. */
@Stateless
public class Outbox {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /**
     * Must run inside the caller's transaction: the event exists exactly when the change that caused it commits.
     *
     * @param type        selects the {@link io.okpay.notification.boundary.OutboxHandler} that will deliver it
     * @param payloadJson everything the handler needs, as JSON
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(String type, String payloadJson) {
        enqueue(type, payloadJson, OutboxPriority.NORMAL);
    }

    /** As {@link #enqueue(String, String)}, ahead of NORMAL events when the priority is URGENT. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(String type, String payloadJson, OutboxPriority priority) {
        em.persist(new OutboxEvent(type, payloadJson, priority, Instant.now()));
    }
}
