package io.okpay.admin.entity;

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

/**
 * A money correction proposed by one operator (the maker) and decided by another (the checker): APPROVED means it is
 * posted to the ledger as {@code transactionId}; a PROPOSED one past {@code expiresAt} can no longer be approved.
 * The database refuses a checker equal to the maker too.
 */
@Entity
@Table(name = "admin_adjustment")
@NamedQuery(name = Adjustment.BY_PUBLIC_ID, query = "SELECT a FROM Adjustment a WHERE a.publicId = :id")
@NamedQuery(name = Adjustment.BY_KEY, query = "SELECT a FROM Adjustment a WHERE a.makerId = :maker AND a.idempotencyKey = :key")
@NamedQuery(name = Adjustment.BY_STATUS, query = "SELECT a FROM Adjustment a WHERE a.status = :status ORDER BY a.id DESC")
public class Adjustment {

    public static final String BY_PUBLIC_ID = "Adjustment.byPublicId";
    public static final String BY_KEY = "Adjustment.byKey";
    public static final String BY_STATUS = "Adjustment.byStatus";

    public enum Status { PROPOSED, APPROVED, REJECTED }

    public enum Direction { CREDIT, DEBIT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(nullable = false, updatable = false, columnDefinition = "char(3)")
    private String currency;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Direction direction;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(updatable = false)
    private String ticket;

    @Column(name = "maker_id", nullable = false, updatable = false)
    private String makerId;

    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "checker_id")
    private String checkerId;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "transaction_id")
    private String transactionId;

    protected Adjustment() {
    }

    public Adjustment(String publicId, String userId, String currency, long amount, Direction direction, String reason,
                      String ticket, String makerId, String idempotencyKey, Instant createdAt, Instant expiresAt) {
        this.publicId = publicId;
        this.userId = userId;
        this.currency = currency;
        this.amount = amount;
        this.direction = direction;
        this.reason = reason;
        this.ticket = ticket;
        this.makerId = makerId;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.status = Status.PROPOSED;
    }

    public void approve(String checker, String why, String transaction, Instant at) {
        decide(Status.APPROVED, checker, why, at);
        this.transactionId = transaction;
    }

    public void reject(String checker, String why, Instant at) {
        decide(Status.REJECTED, checker, why, at);
    }

    private void decide(Status outcome, String checker, String why, Instant at) {
        if (status != Status.PROPOSED || checker.equals(makerId)) {
            throw new IllegalStateException("adjustment " + publicId + " cannot be decided by " + checker);
        }
        this.status = outcome;
        this.checkerId = checker;
        this.decisionReason = why;
        this.decidedAt = at;
    }

    public boolean lapsedAt(Instant now) {
        return status == Status.PROPOSED && !now.isBefore(expiresAt);
    }

    public String publicId() { return publicId; }
    public String userId() { return userId; }
    public String currency() { return currency; }
    public long amount() { return amount; }
    public Direction direction() { return direction; }
    public String reason() { return reason; }
    public String ticket() { return ticket; }
    public String makerId() { return makerId; }
    public String idempotencyKey() { return idempotencyKey; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Status status() { return status; }
    public String checkerId() { return checkerId; }
    public String decisionReason() { return decisionReason; }
    public Instant decidedAt() { return decidedAt; }
    public String transactionId() { return transactionId; }
}
