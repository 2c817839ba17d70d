package io.okpay.merchant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A merchant's secret API key. Only the SHA-256 of the secret is kept, with a short hint ({@code sk_…abcd}) so the
 * owner can tell keys apart; a revoked key stays for the record and never authenticates again.
 */
@Entity
@Table(name = "merchant_api_key")
@NamedQuery(name = ApiKey.BY_PUBLIC_ID, query = "SELECT k FROM ApiKey k WHERE k.publicId = :id")
@NamedQuery(name = ApiKey.OF_MERCHANT, query = "SELECT k FROM ApiKey k WHERE k.merchantId = :merchantId ORDER BY k.id DESC")
@NamedQuery(name = ApiKey.ACTIVE_COUNT,
        query = "SELECT COUNT(k) FROM ApiKey k WHERE k.merchantId = :merchantId AND k.revokedAt IS NULL")
public class ApiKey {

    public static final String BY_PUBLIC_ID = "ApiKey.byPublicId";
    /** Every key of a merchant, newest first. */
    public static final String OF_MERCHANT = "ApiKey.ofMerchant";
    public static final String ACTIVE_COUNT = "ApiKey.activeCount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private String merchantId;

    @Column(name = "secret_hash", nullable = false, updatable = false, length = 64, columnDefinition = "char(64)")
    private String secretHash;

    @Column(name = "secret_hint", nullable = false, updatable = false)
    private String secretHint;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String publicId, String merchantId, String secretHash, String secretHint, Instant createdAt) {
        this.publicId = publicId;
        this.merchantId = merchantId;
        this.secretHash = secretHash;
        this.secretHint = secretHint;
        this.createdAt = createdAt;
    }

    public boolean active() {
        return revokedAt == null;
    }

    /** Revoking twice keeps the first time. */
    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public void used(Instant at) {
        lastUsedAt = at;
    }

    public String publicId() {
        return publicId;
    }

    public String merchantId() {
        return merchantId;
    }

    public String secretHash() {
        return secretHash;
    }

    public String secretHint() {
        return secretHint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
