package io.okpay.ledger.entity;

import io.okpay.ledger.boundary.AccountStatus;
import io.okpay.ledger.boundary.AccountType;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
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

import java.time.Instant;

/**
 * An account of the ledger. Its balance is a cache of the sum of its entries (in the account's normal direction),
 * updated in the same transaction as the entries while the row is locked; reconciliation checks it never drifts.
 */
@Entity
@Table(name = "ledger_account")
@NamedQuery(name = LedgerAccount.BY_OWNER, query = "SELECT a FROM LedgerAccount a WHERE a.ownerType = :ownerType "
        + "AND a.ownerId = :ownerId AND a.purpose = :purpose AND a.currency = :currency")
@NamedQuery(name = LedgerAccount.LOCK, query = "SELECT a FROM LedgerAccount a WHERE a.id IN :ids ORDER BY a.id")
@NamedQuery(name = LedgerAccount.OWNERS, query = "SELECT a.id, a.ownerType, a.ownerId, a.purpose FROM LedgerAccount a "
        + "WHERE a.id IN :ids")
public class LedgerAccount {

    public static final String BY_OWNER = "LedgerAccount.byOwner";
    /** Used with PESSIMISTIC_WRITE: one SELECT ... FOR UPDATE of every touched account, in ascending id order. */
    public static final String LOCK = "LedgerAccount.lock";
    public static final String OWNERS = "LedgerAccount.owners";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_account_seq")
    @SequenceGenerator(name = "ledger_account_seq", sequenceName = "ledger_account_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_type", nullable = false, length = 16)
    private OwnerType ownerType;

    @Column(name = "owner_id", nullable = false, length = 64)
    private String ownerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, length = 32)
    private Purpose purpose;

    @Column(name = "currency", nullable = false, length = 3, columnDefinition = "char(3)")
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 16)
    private AccountType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AccountStatus status;

    @Column(name = "no_negative", nullable = false)
    private boolean noNegative;

    @Column(name = "balance", nullable = false)
    private long balance;

    @Column(name = "held", nullable = false)
    private long held;

    @Column(name = "entry_count", nullable = false)
    private long entryCount;

    @Column(name = "created_at", nullable = false, columnDefinition = "datetime(6)")
    private Instant createdAt;

    protected LedgerAccount() {
    }

    public LedgerAccount(OwnerType ownerType, String ownerId, Purpose purpose, String currency, Instant createdAt) {
        this.ownerType = ownerType;
        this.ownerId = ownerId;
        this.purpose = purpose;
        this.currency = currency;
        this.type = purpose.type();
        this.noNegative = purpose.noNegative();
        this.status = AccountStatus.ACTIVE;
        this.createdAt = createdAt;
    }

    /**
     * Applies one entry (debit positive, credit negative) and returns the account's position in its history. The
     * caller holds the row lock and has checked the rules; this only keeps the cache and the counter right.
     */
    public long apply(long signedAmount) {
        balance = Math.addExact(balance, Math.multiplyExact(type.normalSign(), signedAmount));
        return ++entryCount;
    }

    /** The change an entry would make to the balance, in the account's normal direction. */
    public long effectOf(long signedAmount) {
        return Math.multiplyExact(type.normalSign(), signedAmount);
    }

    public void reserve(long amount) {
        held = Math.addExact(held, amount);
    }

    public void release(long amount) {
        held = Math.subtractExact(held, amount);
    }

    public void setStatus(AccountStatus status) {
        this.status = status;
    }

    public long available() {
        return balance - held;
    }

    public Long id() {
        return id;
    }

    public OwnerType ownerType() {
        return ownerType;
    }

    public String ownerId() {
        return ownerId;
    }

    public Purpose purpose() {
        return purpose;
    }

    public String currency() {
        return currency;
    }

    public AccountType type() {
        return type;
    }

    public AccountStatus status() {
        return status;
    }

    public boolean noNegative() {
        return noNegative;
    }

    public long balance() {
        return balance;
    }

    public long held() {
        return held;
    }

    public long entryCount() {
        return entryCount;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
