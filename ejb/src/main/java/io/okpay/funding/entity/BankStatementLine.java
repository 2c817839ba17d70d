package io.okpay.funding.entity;

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
import java.time.LocalDate;

/**
 * A line of an imported bank statement and what became of it: MATCHED to a pending top-up, parked in SUSPENSE for an
 * operator, or IGNORED (money going out, which top-ups do not book). Unique by the bank's entry id.
 */
@Entity
@Table(name = "bank_statement_line")
@NamedQuery(name = BankStatementLine.BY_ENTRY, query = "SELECT l FROM BankStatementLine l WHERE l.bankEntryId = :entry")
@NamedQuery(name = BankStatementLine.IN_SUSPENSE, query = "SELECT l FROM BankStatementLine l WHERE l.status = :status "
        + "ORDER BY l.importedAt, l.id")
public class BankStatementLine {

    public static final String BY_ENTRY = "BankStatementLine.byEntry";
    public static final String IN_SUSPENSE = "BankStatementLine.inSuspense";

    public enum Status { MATCHED, SUSPENSE, ASSIGNED, RETURNED, IGNORED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "bank_entry_id", nullable = false, updatable = false)
    private String bankEntryId;

    @Column(name = "statement_id", updatable = false)
    private String statementId;

    @Column(name = "booking_date", nullable = false, updatable = false)
    private LocalDate bookingDate;

    @Column(nullable = false, updatable = false)
    private String direction;

    @Column(nullable = false, updatable = false, columnDefinition = "char(3)")
    private String currency;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(updatable = false)
    private String reference;

    @Column(updatable = false)
    private String counterparty;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "topup_id")
    private String topUpId;

    @Column(name = "transaction_id")
    private String transactionId;

    @Column(name = "imported_by", nullable = false, updatable = false)
    private String importedBy;

    @Column(name = "imported_at", nullable = false, updatable = false)
    private Instant importedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected BankStatementLine() {
    }

    public BankStatementLine(String bankEntryId, String statementId, LocalDate bookingDate, String direction,
                             String currency, long amount, String reference, String counterparty, Status status,
                             String topUpId, String transactionId, String importedBy, Instant importedAt) {
        this.bankEntryId = bankEntryId;
        this.statementId = statementId;
        this.bookingDate = bookingDate;
        this.direction = direction;
        this.currency = currency;
        this.amount = amount;
        this.reference = reference == null || reference.length() <= 500 ? reference : reference.substring(0, 500);
        this.counterparty = counterparty == null || counterparty.length() <= 255 ? counterparty : counterparty.substring(0, 255);
        this.status = status;
        this.topUpId = topUpId;
        this.transactionId = transactionId;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    /** An operator settled a line in suspense: ASSIGNED to a top-up, or RETURNED to the payer. */
    public void resolve(Status outcome, String topUpId, String transactionId, String operatorId, Instant now) {
        this.status = outcome;
        this.topUpId = topUpId;
        this.transactionId = transactionId;
        this.resolvedBy = operatorId;
        this.resolvedAt = now;
    }

    public String bankEntryId() {
        return bankEntryId;
    }

    public LocalDate bookingDate() {
        return bookingDate;
    }

    public String currency() {
        return currency;
    }

    public long amount() {
        return amount;
    }

    public String reference() {
        return reference;
    }

    public String counterparty() {
        return counterparty;
    }

    public Status status() {
        return status;
    }

    public Instant importedAt() {
        return importedAt;
    }
}
