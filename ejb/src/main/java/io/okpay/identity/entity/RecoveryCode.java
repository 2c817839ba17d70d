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

/** A single-use code for signing in when the second factor is lost. Only its HMAC is kept. */
@Entity
@Table(name = "recovery_code")
@NamedQuery(name = RecoveryCode.UNUSED, query = "SELECT r FROM RecoveryCode r WHERE r.user = :user AND r.codeHash = :hash AND r.usedAt IS NULL")
@NamedQuery(name = RecoveryCode.COUNT_UNUSED, query = "SELECT COUNT(r) FROM RecoveryCode r WHERE r.user = :user AND r.usedAt IS NULL")
@NamedQuery(name = RecoveryCode.IDS, query = "SELECT r.id FROM RecoveryCode r WHERE r.user = :user")
@NamedQuery(name = RecoveryCode.DELETE, query = "DELETE FROM RecoveryCode r WHERE r.id IN :ids")
public class RecoveryCode {

    public static final String UNUSED = "RecoveryCode.unused";
    public static final String COUNT_UNUSED = "RecoveryCode.countUnused";
    public static final String IDS = "RecoveryCode.ids";
    public static final String DELETE = "RecoveryCode.delete";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @Column(name = "code_hash", nullable = false, updatable = false)
    private String codeHash;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
    }

    public RecoveryCode(User user, String codeHash) {
        this.user = user;
        this.codeHash = codeHash;
    }

    public void use(Instant now) {
        usedAt = now;
    }
}
