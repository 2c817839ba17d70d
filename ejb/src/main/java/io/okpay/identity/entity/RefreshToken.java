package io.okpay.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A refresh token (only its SHA-256 is kept). Each use exchanges it for a new one of the same family; a second use of
 * the same token means it was stolen, and the whole family is revoked.
 */
@Entity
@Table(name = "refresh_token")
@NamedQuery(name = RefreshToken.BY_HASH, query = "SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = RefreshToken.REVOKE_FAMILY, query = "UPDATE RefreshToken t SET t.revokedAt = :now WHERE t.family = :family AND t.revokedAt IS NULL")
@NamedQuery(name = RefreshToken.REVOKE_SUBJECT, query = "UPDATE RefreshToken t SET t.revokedAt = :now WHERE t.subject = :subject AND t.revokedAt IS NULL")
public class RefreshToken {

    public static final String BY_HASH = "RefreshToken.byHash";
    public static final String REVOKE_FAMILY = "RefreshToken.revokeFamily";
    public static final String REVOKE_SUBJECT = "RefreshToken.revokeSubject";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(nullable = false, updatable = false)
    private String family;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshToken() {
    }

    public RefreshToken(String tokenHash, String family, String subject, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.family = family;
        this.subject = subject;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public String family() {
        return family;
    }

    public String subject() {
        return subject;
    }

    public boolean used() {
        return usedAt != null;
    }

    public boolean usable(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    public void use(Instant now) {
        usedAt = now;
    }
}
