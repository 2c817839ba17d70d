package io.okpay.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * One line of a journal transaction: a signed amount on one account (debit positive, credit negative) and the
 * account's balance right after it. Append-only: Hibernate never updates it, and no code deletes it.
 */
@Entity
@Immutable
@Table(name = "ledger_entry")
@NamedQuery(name = LedgerEntry.OF_TRANSACTION, query = "SELECT e FROM LedgerEntry e WHERE e.transactionId = :transactionId ORDER BY e.id")
@NamedQuery(name = LedgerEntry.HISTORY, query = "SELECT e FROM LedgerEntry e WHERE e.accountId = :accountId "
        + "AND e.accountSeq < :before ORDER BY e.accountSeq DESC")
@NamedQuery(name = LedgerEntry.LAST_BEFORE, query = "SELECT e FROM LedgerEntry e WHERE e.accountId = :accountId "
        + "AND e.createdAt <= :at ORDER BY e.createdAt DESC, e.accountSeq DESC")
public class LedgerEntry {

    public static final String OF_TRANSACTION = "LedgerEntry.ofTransaction";
    /** Newest first, strictly before a position in the account's history. */
    public static final String HISTORY = "LedgerEntry.history";
    /** With max results 1: the entry whose balance_after was the balance at a moment. */
    public static final String LAST_BEFORE = "LedgerEntry.lastBefore";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_entry_seq")
    @SequenceGenerator(name = "ledger_entry_seq", sequenceName = "ledger_entry_seq", allocationSize = 50)
    private Long id;

    @Column(name = "transaction_id", nullable = false)
    private long transactionId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "account_seq", nullable = false)
    private long accountSeq;

    @Column(name = "currency", nullable = false, length = 3, columnDefinition = "char(3)")
    private String currency;

    @Column(name = "amount", nullable = false)
    private long amount;

    @Column(name = "balance_after", nullable = false)
    private long balanceAfter;

    @Column(name = "created_at", nullable = false, columnDefinition = "datetime(6)")
    private Instant createdAt;

    protected LedgerEntry() {
    }

    public LedgerEntry(long transactionId, long accountId, long accountSeq, String currency, long amount,
                       long balanceAfter, Instant createdAt) {
        this.transactionId = transactionId;
        this.accountId = accountId;
        this.accountSeq = accountSeq;
        this.currency = currency;
        this.amount = amount;
        this.balanceAfter = balanceAfter;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public long transactionId() {
        return transactionId;
    }

    public long accountId() {
        return accountId;
    }

    public long accountSeq() {
        return accountSeq;
    }

    public String currency() {
        return currency;
    }

    public long amount() {
        return amount;
    }

    public long balanceAfter() {
        return balanceAfter;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
