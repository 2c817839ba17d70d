package io.okpay.notification.boundary;

import io.okpay.notification.entity.OutboxEvent;
import io.okpay.shared.BusinessException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The outbox as operators see it: messages by status (pending ones that failed, dead ones), their attempts and last
 * error, and a retry now. The payload stays inside: it may hold a code or a link meant for one person.
 */
@Stateless
@RolesAllowed("ADMIN")
public class OutboxDesk {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** A message of the outbox, without its payload. */
    public record Message(long id, String type, String status, int attempts, Instant createdAt, Instant nextAttemptAt,
                         String lastError) {

        static Message of(OutboxEvent e) {
            return new Message(e.id(), e.type(), e.status().name(), e.attempts(), e.createdAt(), e.nextAttemptAt(),
                    e.lastError());
        }
    }

    /**
     * Messages in a status (PENDING, DELIVERED, DEAD; FAILED means pending with at least one failed attempt), newest
     * first; an unknown status is a field error.
     */
    public List<Message> list(String status, int limit) {
        String wanted = status == null || status.isBlank() ? "FAILED" : status.strip().toUpperCase(Locale.ROOT);
        OutboxEvent.Status stored = switch (wanted) {
            case "FAILED", "PENDING" -> OutboxEvent.Status.PENDING;
            case "DELIVERED" -> OutboxEvent.Status.DELIVERED;
            case "DEAD" -> OutboxEvent.Status.DEAD;
            default -> throw BusinessException.invalid(List.of(new BusinessException.FieldError("status", "outbox_status_invalid")));
        };
        String failedOnly = "FAILED".equals(wanted) ? " AND e.lastError IS NOT NULL" : "";
        return em.createQuery("SELECT e FROM OutboxEvent e WHERE e.status = :status" + failedOnly + " ORDER BY e.id DESC",
                        OutboxEvent.class).setParameter("status", stored)
                .setMaxResults(Math.max(1, Math.min(limit, 100))).getResultStream().map(Message::of).toList();
    }

    /** The message before and after it is made due now; 404 for an unknown id, 409 for one already delivered. */
    public Message[] retry(long id) {
        OutboxEvent event = em.find(OutboxEvent.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            throw BusinessException.notFound();
        }
        if (event.status() == OutboxEvent.Status.DELIVERED) {
            throw new BusinessException("outbox_delivered");
        }
        Message before = Message.of(event);
        event.retryNow(Instant.now());
        return new Message[]{before, Message.of(event)};
    }
}
