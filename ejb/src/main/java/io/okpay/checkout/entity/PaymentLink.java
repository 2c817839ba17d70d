package io.okpay.checkout.entity;

import io.okpay.checkout.boundary.PaymentLinkStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A merchant's reusable request for payments, paid through checkout sessions made for each payer. {@code amount} in
 * minor units of {@code currency}, or null when the payer chooses it (an open amount). A link ends when it is
 * deactivated, when {@code expiresAt} passes, or when {@code quantityLimit} payments were made.
 */
@Entity
@Table(name = "payment_link")
@NamedQuery(name = PaymentLink.BY_PUBLIC_ID, query = "SELECT l FROM PaymentLink l WHERE l.publicId = :id")
@NamedQuery(name = PaymentLink.OF_MERCHANT, query = "SELECT l FROM PaymentLink l WHERE l.merchantId = :merchantId "
        + "AND l.id < :before ORDER BY l.id DESC")
public class PaymentLink {

    public static final String BY_PUBLIC_ID = "PaymentLink.byPublicId";
    /** A merchant's links, newest first, strictly before an internal id (the cursor). */
    public static final String OF_MERCHANT = "PaymentLink.ofMerchant";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private String merchantId;

    @Column(updatable = false)
    private Long amount;

    @Column(nullable = false, updatable = false, length = 3, columnDefinition = "char(3)")
    private String currency;

    @Column(nullable = false, updatable = false)
    private String description;

    @Column(name = "quantity_limit", updatable = false)
    private Integer quantityLimit;

    @Column(name = "expires_at", updatable = false, columnDefinition = "datetime(6)")
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false, updatable = false, columnDefinition = "datetime(6)")
    private Instant createdAt;

    @Column(name = "deactivated_at", columnDefinition = "datetime(6)")
    private Instant deactivatedAt;

    protected PaymentLink() {
    }

    public PaymentLink(String publicId, String merchantId, Long amount, String currency, String description,
                       Integer quantityLimit, Instant expiresAt, Instant createdAt) {
        this.publicId = publicId;
        this.merchantId = merchantId;
        this.amount = amount;
        this.currency = currency;
        this.description = description;
        this.quantityLimit = quantityLimit;
        this.expiresAt = expiresAt;
        this.createdAt = createdAt;
    }

    /** Nobody can start paying it from now on; the first deactivation's time stays. */
    public void deactivate(Instant at) {
        if (deactivatedAt == null) {
            deactivatedAt = at;
        }
    }

    /** Deactivated, expired, used up ({@code taken} payments of its limit), or active, in that order. */
    public PaymentLinkStatus status(long taken, Instant now) {
        if (deactivatedAt != null) {
            return PaymentLinkStatus.INACTIVE;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return PaymentLinkStatus.EXPIRED;
        }
        if (quantityLimit != null && taken >= quantityLimit) {
            return PaymentLinkStatus.SOLD_OUT;
        }
        return PaymentLinkStatus.ACTIVE;
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

    public Long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String description() {
        return description;
    }

    public Integer quantityLimit() {
        return quantityLimit;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deactivatedAt() {
        return deactivatedAt;
    }
}
