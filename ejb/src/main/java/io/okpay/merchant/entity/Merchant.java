package io.okpay.merchant.entity;

import io.okpay.merchant.boundary.MerchantStatus;
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

/** A shop's profile, owned by the person ({@code usr_...}) who opened it; one per person. */
@Entity
@Table(name = "merchant")
@NamedQuery(name = Merchant.BY_PUBLIC_ID, query = "SELECT m FROM Merchant m WHERE m.publicId = :id")
@NamedQuery(name = Merchant.BY_OWNER, query = "SELECT m FROM Merchant m WHERE m.ownerId = :ownerId")
@NamedQuery(name = Merchant.BY_STATUS, query = "SELECT m FROM Merchant m WHERE m.status = :status AND m.id > :after ORDER BY m.id")
public class Merchant {

    public static final String BY_PUBLIC_ID = "Merchant.byPublicId";
    public static final String BY_OWNER = "Merchant.byOwner";
    /** Merchants in a status, oldest first, after an internal id (the cursor). */
    public static final String BY_STATUS = "Merchant.byStatus";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private String ownerId;

    @Column(name = "business_name", nullable = false)
    private String businessName;

    @Column(nullable = false)
    private String website;

    @Column(name = "support_email", nullable = false)
    private String supportEmail;

    @Column(name = "settlement_currency", nullable = false, length = 3, columnDefinition = "char(3)")
    private String settlementCurrency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MerchantStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    protected Merchant() {
    }

    public Merchant(String publicId, String ownerId, String businessName, String website, String supportEmail,
                    String settlementCurrency, Instant createdAt) {
        this.publicId = publicId;
        this.ownerId = ownerId;
        this.businessName = businessName;
        this.website = website;
        this.supportEmail = supportEmail;
        this.settlementCurrency = settlementCurrency;
        this.status = MerchantStatus.PENDING;
        this.createdAt = createdAt;
    }

    /** Compliance's decision (or a later suspension), with who made it and when. */
    public void decide(MerchantStatus decision, String operatorId, Instant at) {
        this.status = decision;
        this.decidedBy = operatorId;
        this.decidedAt = at;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String ownerId() {
        return ownerId;
    }

    public String businessName() {
        return businessName;
    }

    public String website() {
        return website;
    }

    public String supportEmail() {
        return supportEmail;
    }

    public String settlementCurrency() {
        return settlementCurrency;
    }

    public MerchantStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
