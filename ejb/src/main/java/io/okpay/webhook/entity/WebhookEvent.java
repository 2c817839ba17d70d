package io.okpay.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** An event of a merchant, recorded once (by its id) with the exact body every delivery of it POSTs. */
@Entity
@Table(name = "webhook_event")
@NamedQuery(name = WebhookEvent.BY_PUBLIC_ID, query = "SELECT e FROM WebhookEvent e WHERE e.publicId = :id")
public class WebhookEvent {

    public static final String BY_PUBLIC_ID = "WebhookEvent.byPublicId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private String merchantId;

    @Column(nullable = false, updatable = false)
    private String type;

    @Column(nullable = false, updatable = false, columnDefinition = "mediumtext")
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WebhookEvent() {
    }

    public WebhookEvent(String publicId, String merchantId, String type, String body, Instant createdAt) {
        this.publicId = publicId;
        this.merchantId = merchantId;
        this.type = type;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String merchantId() {
        return merchantId;
    }

    public String type() {
        return type;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
