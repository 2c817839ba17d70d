package io.okpay.checkout.entity;

import io.okpay.checkout.boundary.SessionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A merchant's request for a payment, paid at most once on OKPay's checkout page. {@code paymentId} is reserved at
 * creation and becomes the id of its payment. Amounts are minor units of {@code currency}; {@code metadata} is the
 * merchant's flat string map as a JSON object.
 */
@Entity
@Table(name = "checkout_session")
@NamedQuery(name = CheckoutSession.BY_PUBLIC_ID, query = "SELECT s FROM CheckoutSession s WHERE s.publicId = :id")
@NamedQuery(name = CheckoutSession.BY_KEY, query = "SELECT s FROM CheckoutSession s WHERE s.merchantId = :merchantId AND s.idempotencyKey = :key")
@NamedQuery(name = CheckoutSession.OF_MERCHANT, query = "SELECT s FROM CheckoutSession s WHERE s.merchantId = :merchantId "
        + "AND s.id < :before ORDER BY s.id DESC")
@NamedQuery(name = CheckoutSession.DUE, query = "SELECT s.publicId FROM CheckoutSession s WHERE s.status = "
        + "io.okpay.checkout.boundary.SessionStatus.OPEN AND s.expiresAt <= :now ORDER BY s.expiresAt")
public class CheckoutSession {

    public static final String BY_PUBLIC_ID = "CheckoutSession.byPublicId";
    public static final String BY_KEY = "CheckoutSession.byKey";
    /** A merchant's sessions, newest first, strictly before an internal id (the cursor). */
    public static final String OF_MERCHANT = "CheckoutSession.ofMerchant";
    /** Public ids of open sessions past their expiry, oldest expiry first. */
    public static final String DUE = "CheckoutSession.due";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private String merchantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionStatus status;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(nullable = false, updatable = false, length = 3, columnDefinition = "char(3)")
    private String currency;

    @Column(name = "merchant_reference", updatable = false)
    private String merchantReference;

    @Column(updatable = false)
    private String description;

    @Column(name = "success_url", nullable = false, updatable = false)
    private String successUrl;

    @Column(name = "cancel_url", nullable = false, updatable = false)
    private String cancelUrl;

    @Column(name = "customer_email", updatable = false)
    private String customerEmail;

    @Column(updatable = false, columnDefinition = "text")
    private String metadata;

    @Column(name = "payment_id", nullable = false, updatable = false)
    private String paymentId;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(name = "created_at", nullable = false, updatable = false, columnDefinition = "datetime(6)")
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false, columnDefinition = "datetime(6)")
    private Instant expiresAt;

    @Column(name = "closed_at", columnDefinition = "datetime(6)")
    private Instant closedAt;

    /** The payment link this session was made for, or null (a session the merchant's server asked for). */
    @Column(name = "payment_link_id", updatable = false)
    private String paymentLinkId;

    protected CheckoutSession() {
    }

    public CheckoutSession(String publicId, String merchantId, long amount, String currency, String merchantReference,
                           String description, String successUrl, String cancelUrl, String customerEmail,
                           String metadata, String paymentId, String idempotencyKey, Instant createdAt,
                           Instant expiresAt) {
        this.publicId = publicId;
        this.merchantId = merchantId;
        this.status = SessionStatus.OPEN;
        this.amount = amount;
        this.currency = currency;
        this.merchantReference = merchantReference;
        this.description = description;
        this.successUrl = successUrl;
        this.cancelUrl = cancelUrl;
        this.customerEmail = customerEmail;
        this.metadata = metadata;
        this.paymentId = paymentId;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Marks a new session as one made for a payment link's payer; only before it is stored. */
    public CheckoutSession forLink(String linkId) {
        this.paymentLinkId = linkId;
        return this;
    }

    public String paymentLinkId() {
        return paymentLinkId;
    }

    public void close(SessionStatus end, Instant at) {
        this.status = end;
        this.closedAt = at;
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

    public SessionStatus status() {
        return status;
    }

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String merchantReference() {
        return merchantReference;
    }

    public String description() {
        return description;
    }

    public String successUrl() {
        return successUrl;
    }

    public String cancelUrl() {
        return cancelUrl;
    }

    public String customerEmail() {
        return customerEmail;
    }

    public String metadata() {
        return metadata;
    }

    public String paymentId() {
        return paymentId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
