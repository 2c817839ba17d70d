package io.okpay.ledger.entity;

import io.okpay.ledger.boundary.HoldState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A pending transfer that reserves {@link #amount()} on the debit account (its available balance drops, its balance
 * does not) until it is posted (all or part, the rest released), voided, or expires. Shares its id with the HOLD
 * journal transaction that opened it; every phase after that is a new journal transaction recorded in closedBy.
 */
@Entity
@Table(name = "ledger_hold")
@NamedQuery(name = LedgerHold.DUE, query = "SELECT h.id FROM LedgerHold h WHERE h.state = io.okpay.ledger.boundary.HoldState.PENDING "
        + "AND h.expiresAt <= :now ORDER BY h.expiresAt")
public class LedgerHold {

    public static final String DUE = "LedgerHold.due";

    @Id
    private Long id;

    @Column(name = "debit_account_id", nullable = false)
    private long debitAccountId;

    @Column(name = "credit_account_id", nullable = false)
    private long creditAccountId;

    @Column(name = "currency", nullable = false, length = 3, columnDefinition = "char(3)")
    private String currency;

    @Column(name = "amount", nullable = false)
    private long amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private HoldState state;

    /** Null once the hold is kept: it then lasts until it is posted or voided. */
    @Column(name = "expires_at", columnDefinition = "datetime(6)")
    private Instant expiresAt;

    @Column(name = "posted_amount")
    private Long postedAmount;

    @Column(name = "closed_by")
    private Long closedBy;

    @Column(name = "created_at", nullable = false, columnDefinition = "datetime(6)")
    private Instant createdAt;

    protected LedgerHold() {
    }

    public LedgerHold(long id, long debitAccountId, long creditAccountId, String currency, long amount,
                      Instant expiresAt, Instant createdAt) {
        this.id = id;
        this.debitAccountId = debitAccountId;
        this.creditAccountId = creditAccountId;
        this.currency = currency;
        this.amount = amount;
        this.state = HoldState.PENDING;
        this.expiresAt = expiresAt;
        this.createdAt = createdAt;
    }

    /** Ends the hold; the caller releases the reservation and writes the closing transaction. */
    public void close(HoldState finalState, long closingTransactionId, Long postedAmount) {
        this.state = finalState;
        this.closedBy = closingTransactionId;
        this.postedAmount = postedAmount;
    }

    /** Takes the deadline away: the hold no longer expires, it ends only when posted or voided. */
    public void keep() {
        this.expiresAt = null;
    }

    /** True when the hold has a deadline and it is not after {@code now}. */
    public boolean lapsedAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public Long id() {
        return id;
    }

    public long debitAccountId() {
        return debitAccountId;
    }

    public long creditAccountId() {
        return creditAccountId;
    }

    public String currency() {
        return currency;
    }

    public long amount() {
        return amount;
    }

    public HoldState state() {
        return state;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Long postedAmount() {
        return postedAmount;
    }

    public Long closedBy() {
        return closedBy;
    }
}
