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
 * A signed-in browser session. The HTTP session only carries this row's public id: ending the row (sign-out, "end
 * other sessions", a password reset) ends the session wherever it lives.
 */
@Entity
@Table(name = "user_session")
@NamedQuery(name = UserSession.BY_PUBLIC_ID, query = "SELECT s FROM UserSession s JOIN FETCH s.user WHERE s.publicId = :id")
@NamedQuery(name = UserSession.ACTIVE, query = "SELECT s FROM UserSession s WHERE s.user = :user AND s.endedAt IS NULL ORDER BY s.lastSeenAt DESC")
@NamedQuery(name = UserSession.END_ALL, query = "UPDATE UserSession s SET s.endedAt = :now WHERE s.user = :user AND s.endedAt IS NULL")
public class UserSession {

    public static final String BY_PUBLIC_ID = "UserSession.byPublicId";
    public static final String ACTIVE = "UserSession.active";
    public static final String END_ALL = "UserSession.endAll";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @Column(nullable = false, updatable = false)
    private String ip;

    @Column(nullable = false, updatable = false)
    private String device;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected UserSession() {
    }

    public UserSession(String publicId, User user, String ip, String device, Instant now) {
        this.publicId = publicId;
        this.user = user;
        this.ip = ip;
        this.device = device;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    public String publicId() {
        return publicId;
    }

    public User user() {
        return user;
    }

    public String ip() {
        return ip;
    }

    public String device() {
        return device;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public boolean ended() {
        return endedAt != null;
    }

    public void seen(Instant now) {
        lastSeenAt = now;
    }

    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }
}
