package io.okpay.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A device that answered a sign-in code while the person asks for codes only on a new device: its signed cookie (or
 * the API's device_token) spares it the code until {@code expiresAt}. Only the SHA-256 of the token is stored.
 */
@Entity
@Table(name = "remembered_device")
@NamedQuery(name = RememberedDevice.BY_HASH, query = "SELECT d FROM RememberedDevice d JOIN FETCH d.user WHERE d.tokenHash = :hash")
@NamedQuery(name = RememberedDevice.ACTIVE_IDS, query = "SELECT d.id FROM RememberedDevice d "
        + "WHERE d.user = :user AND d.forgottenAt IS NULL")
@NamedQuery(name = RememberedDevice.FORGET, query = "UPDATE RememberedDevice d SET d.forgottenAt = :now "
        + "WHERE d.id IN :ids AND d.forgottenAt IS NULL")
@NamedQuery(name = RememberedDevice.COUNT_ACTIVE, query = "SELECT COUNT(d) FROM RememberedDevice d "
        + "WHERE d.user = :user AND d.forgottenAt IS NULL AND d.expiresAt > :now")
@NamedQuery(name = RememberedDevice.OF_USER, query = "SELECT d FROM RememberedDevice d WHERE d.user = :user "
        + "ORDER BY d.createdAt DESC")
public class RememberedDevice {

    public static final String BY_HASH = "RememberedDevice.byHash";
    public static final String ACTIVE_IDS = "RememberedDevice.activeIds";
    public static final String FORGET = "RememberedDevice.forget";
    public static final String COUNT_ACTIVE = "RememberedDevice.countActive";
    public static final String OF_USER = "RememberedDevice.ofUser";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(nullable = false, updatable = false)
    private String ip;

    @Column(nullable = false, updatable = false)
    private String device;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "forgotten_at")
    private Instant forgottenAt;

    protected RememberedDevice() {
    }

    public RememberedDevice(User user, String tokenHash, String ip, String device, Instant now, Instant expiresAt) {
        this.user = user;
        this.tokenHash = tokenHash;
        this.ip = ip;
        this.device = device;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public User user() {
        return user;
    }

    public String ip() {
        return ip;
    }

    /** The User-Agent it sent when it was remembered. */
    public String device() {
        return device;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant forgottenAt() {
        return forgottenAt;
    }

    /** Not forgotten and not past its 30 days. */
    public boolean valid(Instant now) {
        return forgottenAt == null && expiresAt.isAfter(now);
    }
}
