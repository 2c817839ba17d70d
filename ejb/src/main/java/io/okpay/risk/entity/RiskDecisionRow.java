package io.okpay.risk.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A decision of the risk rules that asked for a code, with its reasons (RiskReason names, comma-separated). */
@Entity
@Table(name = "risk_decision")
@NamedQuery(name = RiskDecisionRow.RECENT,
        query = "SELECT d FROM RiskDecisionRow d WHERE d.userId = :userId ORDER BY d.createdAt DESC, d.id DESC")
public class RiskDecisionRow {

    public static final String RECENT = "RiskDecisionRow.recent";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(nullable = false, updatable = false)
    private int exponent;

    @Column(nullable = false, updatable = false, length = 3, columnDefinition = "char(3)")
    private String currency;

    @Column(nullable = false, updatable = false)
    private String reasons;

    @Column(name = "code_required", nullable = false, updatable = false)
    private boolean codeRequired;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected RiskDecisionRow() {
    }

    public RiskDecisionRow(String userId, String kind, long amount, int exponent, String currency, String reasons,
                           boolean codeRequired, Instant createdAt) {
        this.userId = userId;
        this.kind = kind;
        this.amount = amount;
        this.exponent = exponent;
        this.currency = currency;
        this.reasons = reasons;
        this.codeRequired = codeRequired;
        this.createdAt = createdAt;
    }

    public String kind() {
        return kind;
    }

    public long amount() {
        return amount;
    }

    public int exponent() {
        return exponent;
    }

    public String currency() {
        return currency;
    }

    public String reasons() {
        return reasons;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
