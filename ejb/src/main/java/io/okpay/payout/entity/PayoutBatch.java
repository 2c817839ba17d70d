package io.okpay.payout.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** One export of pending payouts to the bank; its payouts point at it, so the same file can be produced again. */
@Entity
@Table(name = "payout_batch")
@NamedQuery(name = PayoutBatch.BY_PUBLIC_ID, query = "SELECT b FROM PayoutBatch b WHERE b.publicId = :id")
public class PayoutBatch {

    public static final String BY_PUBLIC_ID = "PayoutBatch.byPublicId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int payouts;

    protected PayoutBatch() {
    }

    public PayoutBatch(String publicId, String createdBy, Instant createdAt) {
        this.publicId = publicId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int payouts() {
        return payouts;
    }

    public void setPayouts(int payouts) {
        this.payouts = payouts;
    }
}
