package io.okpay.webhook.entity;

import io.okpay.webhook.boundary.DeliveryStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** One event on its way to one endpoint: its status, how many HTTP attempts it took, and when the next one is due. */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(name = WebhookDelivery.BY_PUBLIC_ID, query = """
        SELECT d FROM WebhookDelivery d JOIN FETCH d.event JOIN FETCH d.endpoint WHERE d.publicId = :id""")
@NamedQuery(name = WebhookDelivery.OF_ENDPOINT, query = """
        SELECT d FROM WebhookDelivery d JOIN FETCH d.event
        WHERE d.endpoint = :endpoint AND d.id < :before ORDER BY d.id DESC""")
public class WebhookDelivery {

    public static final String BY_PUBLIC_ID = "WebhookDelivery.byPublicId";
    /** An endpoint's deliveries, newest first, before an internal id (the cursor). */
    public static final String OF_ENDPOINT = "WebhookDelivery.ofEndpoint";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id", nullable = false, updatable = false)
    private WebhookEvent event;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "endpoint_id", nullable = false, updatable = false)
    private WebhookEndpoint endpoint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(String publicId, WebhookEvent event, WebhookEndpoint endpoint, Instant now) {
        this.publicId = publicId;
        this.event = event;
        this.endpoint = endpoint;
        this.status = DeliveryStatus.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Taken by one dispatcher until {@code until}; another instance may take it only after that. */
    public void claim(Instant until) {
        lockedUntil = until;
    }

    /** An HTTP attempt was made and answered 2xx. */
    public void delivered(Instant now) {
        attempts++;
        status = DeliveryStatus.DELIVERED;
        deliveredAt = now;
        lockedUntil = null;
    }

    /** An HTTP attempt was made and failed: try again at {@code next}, or never again when {@code giveUp}. */
    public void attemptFailed(Instant next, boolean giveUp) {
        attempts++;
        postpone(next, giveUp);
    }

    /** No attempt was made (the endpoint's breaker is open, or it was disabled): later, or never. */
    public void postpone(Instant next, boolean giveUp) {
        lockedUntil = null;
        if (giveUp) {
            status = DeliveryStatus.FAILED;
        } else {
            nextAttemptAt = next;
        }
    }

    /** A manual re-send: due now, whatever happened before (also after it failed for good or was delivered). */
    public void resend(Instant now) {
        status = DeliveryStatus.PENDING;
        nextAttemptAt = now;
        lockedUntil = null;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public WebhookEvent event() {
        return event;
    }

    public WebhookEndpoint endpoint() {
        return endpoint;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
