package io.okpay.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * One movement of money (or one phase of a hold), written once and never changed. Its entries sum to zero per currency.
 * The database id stays inside the ledger; the public id ({@code txn_...}) is what callers and clients see.
 */
@Entity
@Immutable
@Table(name = "ledger_transaction")
@NamedQuery(name = JournalTransaction.BY_IDEMPOTENCY_KEY, query = "SELECT t FROM JournalTransaction t "
        + "WHERE t.idempotencyScope = :scope AND t.idempotencyKey = :key")
@NamedQuery(name = JournalTransaction.REVERSAL_OF, query = "SELECT t.id FROM JournalTransaction t WHERE t.reversesId = :id")
@NamedQuery(name = JournalTransaction.BY_PUBLIC_ID, query = "SELECT t FROM JournalTransaction t WHERE t.publicId = :publicId")
public class JournalTransaction {

    public static final String BY_IDEMPOTENCY_KEY = "JournalTransaction.byIdempotencyKey";
    public static final String BY_PUBLIC_ID = "JournalTransaction.byPublicId";
    public static final String REVERSAL_OF = "JournalTransaction.reversalOf";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_transaction_seq")
    @SequenceGenerator(name = "ledger_transaction_seq", sequenceName = "ledger_transaction_seq", allocationSize = 50)
    private Long id;

    @Column(name = "public_id", nullable = false, length = 32)
    private String publicId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private TransactionKind kind;

    @Column(name = "code", nullable = false, length = 64)
    private String code;

    @Column(name = "idempotency_scope", nullable = false, length = 64)
    private String idempotencyScope;

    @Column(name = "idempotency_key", nullable = false, length = 255)
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false, length = 64, columnDefinition = "char(64)")
    private String requestHash;

    @Column(name = "external_ref", length = 128)
    private String externalRef;

    @Column(name = "memo", length = 255)
    private String memo;

    @Column(name = "related_id")
    private Long relatedId;

    @Enumerated(EnumType.STRING)
    @Column(name = "relation", length = 16)
    private Relation relation;

    @Column(name = "reverses_id")
    private Long reversesId;

    @Column(name = "created_at", nullable = false, columnDefinition = "datetime(6)")
    private Instant createdAt;

    protected JournalTransaction() {
    }

    public JournalTransaction(String publicId, TransactionKind kind, String code, String idempotencyScope,
                              String idempotencyKey, String requestHash, String externalRef, String memo,
                              Long relatedId, Relation relation, Instant createdAt) {
        this.publicId = publicId;
        this.kind = kind;
        this.code = code;
        this.idempotencyScope = idempotencyScope;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.externalRef = externalRef;
        this.memo = memo;
        this.relatedId = relatedId;
        this.relation = relation;
        this.reversesId = relation == Relation.REVERSES ? relatedId : null;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public TransactionKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String idempotencyScope() {
        return idempotencyScope;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String requestHash() {
        return requestHash;
    }

    public String externalRef() {
        return externalRef;
    }

    public String memo() {
        return memo;
    }

    public Long relatedId() {
        return relatedId;
    }

    public Relation relation() {
        return relation;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
