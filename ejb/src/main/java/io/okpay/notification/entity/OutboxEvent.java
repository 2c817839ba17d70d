package io.okpay.notification.entity;

import io.okpay.notification.boundary.OutboxPriority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One effect waiting to leave OKPay, or the record that it left. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    public enum Status { PENDING, DELIVERED, DEAD }

    @Id
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    private Long id;

    @Column(name = "type", nullable = false, length = 64)
    private String type;

    @Column(name = "payload", nullable = false, columnDefinition = "mediumtext")
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "priority", nullable = false, columnDefinition = "tinyint")
    private int priority;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected OutboxEvent() {
    }

    public OutboxEvent(String type, String payload, OutboxPriority priority, Instant now) {
        this.type = type;
        this.payload = payload;
        this.priority = priority.ordinal();
        this.status = Status.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Taken by one dispatcher until {@code until}; another instance may take it again only after that. */
    public void claim(Instant until) {
        attempts++;
        lockedUntil = until;
    }

    /** Sent; what stays of the payload is the record of it (secrets blanked by the handler). */
    public void delivered(Instant now, String keptPayload) {
        payload = keptPayload;
        status = Status.DELIVERED;
        deliveredAt = now;
        lockedUntil = null;
        lastError = null;
    }

    /** Schedules another attempt, or gives up for good after the deadline. */
    public void failed(String error, Instant nextAttempt, boolean giveUp) {
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        lockedUntil = null;
        if (giveUp) {
            status = Status.DEAD;
        } else {
            nextAttemptAt = nextAttempt;
        }
    }

    /**
     * An operator asks for another attempt now: a dead event is pending again for one more try (failing once more
     * after its deadline makes it dead again), a pending one is due at once.
     */
    public void retryNow(Instant now) {
        status = Status.PENDING;
        nextAttemptAt = now;
        lockedUntil = null;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Long id() {
        return id;
    }

    public OutboxPriority priority() {
        return OutboxPriority.values()[priority];
    }

    public String type() {
        return type;
    }

    public String payload() {
        return payload;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String lastError() {
        return lastError;
    }
}
