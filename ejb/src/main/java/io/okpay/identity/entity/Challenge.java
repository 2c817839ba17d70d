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

import java.time.Duration;
import java.time.Instant;

/**
 * A one-time code sent to the person, good for one thing only (its purpose: a sign-in attempt or an action), for ten
 * minutes and five tries. Only an HMAC of the code is stored.
 */
@Entity
@Table(name = "otp_challenge")
@NamedQuery(name = Challenge.BY_PUBLIC_ID, query = "SELECT c FROM Challenge c JOIN FETCH c.user WHERE c.publicId = :id")
// Locks the challenge row only: MariaDB would lock the rows of a joined table too.
@NamedQuery(name = Challenge.LOCK, query = "SELECT c FROM Challenge c WHERE c.publicId = :id")
public class Challenge {

    public static final String BY_PUBLIC_ID = "Challenge.byPublicId";
    public static final String LOCK = "Challenge.lock";
    public static final Duration VALID_FOR = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;

    public enum Channel { EMAIL, SMS, TOTP }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @Column(nullable = false, updatable = false)
    private String purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    /** Null for authenticator-app challenges: the code comes from the shared secret. */
    @Column(name = "code_hash")
    private String codeHash;

    @Column(nullable = false)
    private int attempts;

    @Column(nullable = false)
    private int sends;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_sent_at", nullable = false)
    private Instant lastSentAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "passed_at")
    private Instant passedAt;

    /** Dynamic linking: the HMAC of the one operation the code approves; null for codes that approve no money. */
    @Column(name = "bound_digest", updatable = false)
    private String boundDigest;

    @Column(name = "bound_amount", updatable = false)
    private Long boundAmount;

    @Column(name = "bound_exponent", updatable = false)
    private Integer boundExponent;

    @Column(name = "bound_currency", updatable = false, length = 3, columnDefinition = "char(3)")
    private String boundCurrency;

    @Column(name = "bound_payee", updatable = false)
    private String boundPayee;

    protected Challenge() {
    }

    public Challenge(String publicId, User user, String purpose, Channel channel, Instant now) {
        this.publicId = publicId;
        this.user = user;
        this.purpose = purpose;
        this.channel = channel;
        this.createdAt = now;
        this.lastSentAt = now;
        this.expiresAt = now.plus(VALID_FOR);
        this.sends = 1;
    }

    public String publicId() {
        return publicId;
    }

    public User user() {
        return user;
    }

    public String purpose() {
        return purpose;
    }

    public Channel channel() {
        return channel;
    }

    public String codeHash() {
        return codeHash;
    }

    public int attempts() {
        return attempts;
    }

    public int sends() {
        return sends;
    }

    public Instant lastSentAt() {
        return lastSentAt;
    }

    public boolean passed() {
        return passedAt != null;
    }

    /** Can still be answered: not passed, not expired, tries left. */
    public boolean open(Instant now) {
        return passedAt == null && now.isBefore(expiresAt) && attempts < MAX_ATTEMPTS;
    }

    /** Binds the challenge to one operation: its digest, and the amount and payee as the code's message names them. */
    public void bind(String digest, long amount, int exponent, String currency, String payee) {
        boundDigest = digest;
        boundAmount = amount;
        boundExponent = exponent;
        boundCurrency = currency;
        boundPayee = payee;
    }

    public String boundDigest() {
        return boundDigest;
    }

    public Long boundAmount() {
        return boundAmount;
    }

    public Integer boundExponent() {
        return boundExponent;
    }

    public String boundCurrency() {
        return boundCurrency;
    }

    public String boundPayee() {
        return boundPayee;
    }

    public void setCode(String hash) {
        codeHash = hash;
    }

    /** A new code replaces the old one; the ten minutes start again but the tries already used stay used. */
    public void resent(String hash, Instant now) {
        codeHash = hash;
        sends++;
        lastSentAt = now;
        expiresAt = now.plus(VALID_FOR);
    }

    public void tried() {
        attempts++;
    }

    public void pass(Instant now) {
        passedAt = now;
    }
}
