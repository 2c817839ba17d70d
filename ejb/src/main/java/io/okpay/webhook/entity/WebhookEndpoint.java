package io.okpay.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A URL of a merchant that receives the event types it listens to ({@code *} for all), signed with its own secret.
 * The secret is kept sealed under the master key because signing needs it in clear. Deleting keeps the row (the
 * delivery log points at it) but it receives nothing more.
 */
@Entity
@Table(name = "webhook_endpoint")
@NamedQuery(name = WebhookEndpoint.OF_MERCHANT, query = """
        SELECT e FROM WebhookEndpoint e WHERE e.merchantId = :merchantId AND e.deletedAt IS NULL ORDER BY e.id""")
@NamedQuery(name = WebhookEndpoint.BY_PUBLIC_ID, query = """
        SELECT e FROM WebhookEndpoint e WHERE e.publicId = :id AND e.merchantId = :merchantId AND e.deletedAt IS NULL""")
public class WebhookEndpoint {

    public static final String OF_MERCHANT = "WebhookEndpoint.ofMerchant";
    /** Only the merchant's own, not deleted: everything else is "not found". */
    public static final String BY_PUBLIC_ID = "WebhookEndpoint.byPublicId";
    public static final String ALL_EVENTS = "*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private String merchantId;

    @Column(nullable = false)
    private String url;

    /** Comma-separated event types, or {@code *}. */
    @Column(name = "event_types", nullable = false)
    private String eventTypes;

    private String description;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "sealed_secret", nullable = false)
    private String sealedSecret;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected WebhookEndpoint() {
    }

    public WebhookEndpoint(String publicId, String merchantId, String url, List<String> eventTypes, String description,
                           String sealedSecret, Instant now) {
        this.publicId = publicId;
        this.merchantId = merchantId;
        this.url = url;
        this.eventTypes = String.join(",", eventTypes);
        this.description = description;
        this.sealedSecret = sealedSecret;
        this.enabled = true;
        this.createdAt = now;
    }

    /** Whether an event of this type goes to this endpoint. */
    public boolean listensTo(String type) {
        List<String> types = eventTypes();
        return types.contains(ALL_EVENTS) || types.contains(type);
    }

    public void change(String url, List<String> eventTypes, String description, Boolean enabled) {
        if (url != null) {
            this.url = url;
        }
        if (eventTypes != null) {
            this.eventTypes = String.join(",", eventTypes);
        }
        if (description != null) {
            this.description = description.isEmpty() ? null : description;
        }
        if (enabled != null) {
            this.enabled = enabled;
        }
    }

    public void newSecret(String sealedSecret) {
        this.sealedSecret = sealedSecret;
    }

    public void delete(Instant now) {
        this.deletedAt = now;
        this.enabled = false;
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

    public String url() {
        return url;
    }

    public List<String> eventTypes() {
        return Arrays.asList(eventTypes.split(","));
    }

    public String description() {
        return description;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Enabled and not deleted: deliveries go out. */
    public boolean active() {
        return enabled && deletedAt == null;
    }

    public String sealedSecret() {
        return sealedSecret;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
