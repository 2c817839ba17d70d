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

/** One attempt to sign in to a known account: kept as the person's sign-in history. */
@Entity
@Table(name = "sign_in")
// Locks the sign-in row only: MariaDB would lock the rows of a joined table too.
@NamedQuery(name = SignIn.LOCK, query = "SELECT s FROM SignIn s WHERE s.publicId = :id")
@NamedQuery(name = SignIn.RECENT, query = "SELECT s FROM SignIn s WHERE s.user = :user ORDER BY s.createdAt DESC")
public class SignIn {

    public static final String LOCK = "SignIn.lock";
    public static final String RECENT = "SignIn.recent";
    /** How long a sign-in may wait for its one-time code. */
    public static final Duration OPEN_FOR = Duration.ofMinutes(10);

    public enum Status { FAILED, PASSWORD_OK, SUCCEEDED }

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected SignIn() {
    }

    public SignIn(String publicId, User user, String ip, String device, Status status, Instant now) {
        this.publicId = publicId;
        this.user = user;
        this.ip = ip;
        this.device = device;
        this.status = status;
        this.createdAt = now;
        if (status != Status.PASSWORD_OK) {
            this.completedAt = now;
        }
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

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Still waiting to be completed: the password was right, nothing else happened yet, and it is recent. */
    public boolean open(Instant now) {
        return status == Status.PASSWORD_OK && now.isBefore(createdAt.plus(OPEN_FOR));
    }

    public void succeed(Instant now) {
        status = Status.SUCCEEDED;
        completedAt = now;
    }

    public void fail(Instant now) {
        status = Status.FAILED;
        completedAt = now;
    }
}
