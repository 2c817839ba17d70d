package io.okpay.payout.entity;

import io.okpay.ledger.boundary.OwnerType;
import io.okpay.payout.boundary.PayoutStatus;
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
 * A withdrawal to a bank account. The money is held in the ledger (hold {@code holdId}) towards PAYOUT_CLEARING; this
 * row says who asked, where it goes and how far it got. Amounts are minor units of {@code currency}; the hold is
 * {@code amount + fee}.
 */
@Entity
@Table(name = "payout")
@NamedQuery(name = Payout.BY_PUBLIC_ID, query = "SELECT p FROM Payout p WHERE p.publicId = :id")
@NamedQuery(name = Payout.BY_KEY, query = "SELECT p FROM Payout p WHERE p.ownerType = :ownerType AND p.ownerId = :ownerId "
        + "AND p.idempotencyKey = :key")
@NamedQuery(name = Payout.OF_OWNER, query = "SELECT p FROM Payout p WHERE p.ownerType = :ownerType AND p.ownerId = :ownerId "
        + "AND p.id < :before ORDER BY p.id DESC")
@NamedQuery(name = Payout.IN_STATUS, query = "SELECT p FROM Payout p WHERE p.status IN :statuses AND p.id > :after ORDER BY p.id")
@NamedQuery(name = Payout.OF_BATCH, query = "SELECT p FROM Payout p WHERE p.batchId = :batchId ORDER BY p.id")
@NamedQuery(name = Payout.EXPORTABLE, query = "SELECT p FROM Payout p WHERE p.status = io.okpay.payout.boundary.PayoutStatus.PENDING "
        + "AND p.holdId IS NOT NULL AND p.holdExpiresAt > :at ORDER BY p.id")
@NamedQuery(name = Payout.CLAIM_FOR_BATCH, query = "UPDATE Payout p SET p.batchId = :batchId, "
        + "p.status = io.okpay.payout.boundary.PayoutStatus.PROCESSING, p.exportedAt = :at "
        + "WHERE p.id IN :ids AND p.status = io.okpay.payout.boundary.PayoutStatus.PENDING")
@NamedQuery(name = Payout.LAPSED, query = "SELECT p FROM Payout p WHERE p.holdExpiresAt <= :now "
        + "AND (p.status = io.okpay.payout.boundary.PayoutStatus.PENDING "
        + "OR (p.status = io.okpay.payout.boundary.PayoutStatus.FAILING AND p.decidedBy = :system)) ORDER BY p.holdExpiresAt")
@NamedQuery(name = Payout.BEGIN, query = "UPDATE Payout p SET p.status = :during, p.decidedBy = :actor, p.failureReason = :reason "
        + "WHERE p.id = :id AND p.status IN :from")
@NamedQuery(name = Payout.FINISH, query = "UPDATE Payout p SET p.status = :done, p.settledTransactionId = :transactionId, "
        + "p.settledAt = :at WHERE p.id = :id AND p.status = :during")
public class Payout {

    public static final String BY_PUBLIC_ID = "Payout.byPublicId";
    public static final String BY_KEY = "Payout.byKey";
    /** An owner's payouts, newest first, strictly before an internal id (the cursor). */
    public static final String OF_OWNER = "Payout.ofOwner";
    /** Payouts in some statuses, oldest first, after an internal id (the cursor). */
    public static final String IN_STATUS = "Payout.inStatus";
    public static final String OF_BATCH = "Payout.ofBatch";
    /** Pending payouts whose hold is still good, to be locked while their holds are kept. */
    public static final String EXPORTABLE = "Payout.exportable";
    /** Moves the locked payouts whose holds were kept into a batch. */
    public static final String CLAIM_FOR_BATCH = "Payout.claimForBatch";
    /** Payouts never exported whose hold's deadline has passed, and those the system began failing but did not finish. */
    public static final String LAPSED = "Payout.lapsed";
    /** Takes a payout into a settlement; one row changed means this caller owns it. */
    public static final String BEGIN = "Payout.begin";
    public static final String FINISH = "Payout.finish";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_type", nullable = false, updatable = false)
    private OwnerType ownerType;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private String ownerId;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(nullable = false, updatable = false)
    private long fee;

    @Column(nullable = false, updatable = false, length = 3, columnDefinition = "char(3)")
    private String currency;

    @Column(name = "iban_sealed", nullable = false, updatable = false)
    private String ibanSealed;

    @Column(name = "iban_last4", nullable = false, updatable = false, length = 4, columnDefinition = "char(4)")
    private String ibanLast4;

    @Column(name = "account_holder", nullable = false, updatable = false)
    private String accountHolder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PayoutStatus status;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(name = "hold_id")
    private String holdId;

    @Column(name = "hold_expires_at", nullable = false, updatable = false)
    private Instant holdExpiresAt;

    @Column(name = "batch_id")
    private Long batchId;

    @Column(name = "settled_transaction_id")
    private String settledTransactionId;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "exported_at")
    private Instant exportedAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected Payout() {
    }

    public Payout(String publicId, OwnerType ownerType, String ownerId, long amount, long fee, String currency,
                  String ibanSealed, String ibanLast4, String accountHolder, String idempotencyKey, Instant createdAt,
                  Instant holdExpiresAt) {
        this.publicId = publicId;
        this.ownerType = ownerType;
        this.ownerId = ownerId;
        this.amount = amount;
        this.fee = fee;
        this.currency = currency;
        this.ibanSealed = ibanSealed;
        this.ibanLast4 = ibanLast4;
        this.accountHolder = accountHolder;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = createdAt;
        this.holdExpiresAt = holdExpiresAt;
        this.status = PayoutStatus.PENDING;
    }

    public boolean ownedBy(OwnerType type, String owner) {
        return ownerType == type && ownerId.equals(owner);
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public OwnerType ownerType() {
        return ownerType;
    }

    public String ownerId() {
        return ownerId;
    }

    public long amount() {
        return amount;
    }

    public long fee() {
        return fee;
    }

    public long total() {
        return amount + fee;
    }

    public String currency() {
        return currency;
    }

    public String ibanSealed() {
        return ibanSealed;
    }

    public String ibanLast4() {
        return ibanLast4;
    }

    public String accountHolder() {
        return accountHolder;
    }

    public PayoutStatus status() {
        return status;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String holdId() {
        return holdId;
    }

    public void setHoldId(String holdId) {
        this.holdId = holdId;
    }

    public Instant holdExpiresAt() {
        return holdExpiresAt;
    }

    public Long batchId() {
        return batchId;
    }

    public String settledTransactionId() {
        return settledTransactionId;
    }

    public String failureReason() {
        return failureReason;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant exportedAt() {
        return exportedAt;
    }

    public Instant settledAt() {
        return settledAt;
    }
}
