package io.okpay.funding.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** An e-money voucher of a batch: its value, expiry and whether it was redeemed. Only the code's hash is kept. */
@Entity
@Table(name = "voucher")
@NamedQuery(name = Voucher.BY_HASH, query = "SELECT v FROM Voucher v WHERE v.codeHash = :hash")
@NamedQuery(name = Voucher.BY_BATCH, query = "SELECT v FROM Voucher v WHERE v.batchId = :batch ORDER BY v.id")
public class Voucher {

    public static final String BY_HASH = "Voucher.byHash";
    public static final String BY_BATCH = "Voucher.byBatch";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "batch_id", nullable = false, updatable = false)
    private String batchId;

    @Column(name = "code_hash", nullable = false, updatable = false, columnDefinition = "char(64)")
    private String codeHash;

    @Column(name = "code_last4", nullable = false, updatable = false, columnDefinition = "char(4)")
    private String codeLastFour;

    @Column(nullable = false, updatable = false, columnDefinition = "char(3)")
    private String currency;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "issued_by", nullable = false, updatable = false)
    private String issuedBy;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "redeemed_by")
    private String redeemedBy;

    /** A batch above the configured total waits for a second operator; until then no code of it can be redeemed. */
    @Column(name = "awaiting_approval", nullable = false)
    private boolean awaitingApproval;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "voided_by")
    private String voidedBy;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    protected Voucher() {
    }

    public Voucher(String batchId, VoucherCode code, String currency, long amount, Instant expiresAt, String issuedBy,
                   Instant now) {
        this(batchId, code, currency, amount, expiresAt, issuedBy, now, false);
    }

    public Voucher(String batchId, VoucherCode code, String currency, long amount, Instant expiresAt, String issuedBy,
                   Instant now, boolean awaitingApproval) {
        this.awaitingApproval = awaitingApproval;
        String formatted = code.formatted();
        this.batchId = batchId;
        this.codeHash = code.hash();
        this.codeLastFour = formatted.substring(formatted.length() - 4);
        this.currency = currency;
        this.amount = amount;
        this.expiresAt = expiresAt;
        this.issuedBy = issuedBy;
        this.issuedAt = now;
    }

    public void redeem(String userId, Instant now) {
        redeemedBy = userId;
        redeemedAt = now;
    }

    public void approve(String operatorId, Instant now) {
        awaitingApproval = false;
        approvedBy = operatorId;
        approvedAt = now;
    }

    /** An unused voucher taken out of circulation: it can no longer be redeemed. */
    public void cancel(String operatorId, Instant now) {
        voidedBy = operatorId;
        voidedAt = now;
    }

    public boolean voided() {
        return voidedAt != null;
    }

    public String codeLastFour() {
        return codeLastFour;
    }

    public Instant redeemedAt() {
        return redeemedAt;
    }

    public boolean awaitingApproval() {
        return awaitingApproval;
    }

    public String issuedBy() {
        return issuedBy;
    }

    public String batchId() {
        return batchId;
    }

    public long id() {
        return id;
    }

    public String currency() {
        return currency;
    }

    public long amount() {
        return amount;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean redeemed() {
        return redeemedAt != null;
    }

    public String redeemedBy() {
        return redeemedBy;
    }
}
