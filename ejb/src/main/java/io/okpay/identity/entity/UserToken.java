package io.okpay.identity.entity;

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

/** A single-use link sent by e-mail. Only the SHA-256 of the random token is kept. */
@Entity
@Table(name = "user_token")
@NamedQuery(name = UserToken.BY_HASH, query = "SELECT t FROM UserToken t JOIN FETCH t.user WHERE t.tokenHash = :hash AND t.purpose = :purpose")
@NamedQuery(name = UserToken.LATEST, query = "SELECT t FROM UserToken t WHERE t.user = :user AND t.purpose = :purpose ORDER BY t.createdAt DESC")
@NamedQuery(name = UserToken.UNUSED_IDS, query = "SELECT t.id FROM UserToken t WHERE t.user = :user AND t.purpose = :purpose AND t.usedAt IS NULL")
@NamedQuery(name = UserToken.REVOKE, query = "UPDATE UserToken t SET t.usedAt = :now WHERE t.id IN :ids AND t.usedAt IS NULL")
public class UserToken {

    public static final String BY_HASH = "UserToken.byHash";
    public static final String LATEST = "UserToken.latest";
    public static final String UNUSED_IDS = "UserToken.unusedIds";
    public static final String REVOKE = "UserToken.revoke";

    public enum Purpose { EMAIL_VERIFICATION, PASSWORD_RESET }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Purpose purpose;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected UserToken() {
    }

    public UserToken(User user, Purpose purpose, String tokenHash, Instant now, Instant expiresAt) {
        this.user = user;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public User user() {
        return user;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public void use(Instant now) {
        usedAt = now;
    }
}
