package io.okpay.checkout.entity;

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

/** Money a merchant gave back from a payment to its payer, in minor units of the payment's currency. */
@Entity
@Table(name = "checkout_refund")
@NamedQuery(name = CheckoutRefund.BY_PUBLIC_ID, query = "SELECT r FROM CheckoutRefund r WHERE r.publicId = :id")
@NamedQuery(name = CheckoutRefund.BY_KEY, query = "SELECT r FROM CheckoutRefund r WHERE r.merchantId = :merchantId AND r.idempotencyKey = :key")
@NamedQuery(name = CheckoutRefund.OF_PAYMENT, query = "SELECT r FROM CheckoutRefund r WHERE r.paymentId = :paymentId "
        + "AND r.status = io.okpay.checkout.entity.RefundStatus.SUCCEEDED ORDER BY r.id DESC")
public class CheckoutRefund {

    public static final String BY_PUBLIC_ID = "CheckoutRefund.byPublicId";
    public static final String BY_KEY = "CheckoutRefund.byKey";
    /** The succeeded refunds of a payment, newest first. */
    public static final String OF_PAYMENT = "CheckoutRefund.ofPayment";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "payment_id", nullable = false, updatable = false)
    private String paymentId;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private String merchantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RefundStatus status;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(nullable = false, updatable = false, length = 3, columnDefinition = "char(3)")
    private String currency;

    @Column(updatable = false)
    private String reason;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(name = "transaction_id")
    private String transactionId;

    @Column(name = "created_at", nullable = false, updatable = false, columnDefinition = "datetime(6)")
    private Instant createdAt;

    protected CheckoutRefund() {
    }

    public CheckoutRefund(String publicId, String paymentId, String merchantId, long amount, String currency,
                          String reason, String idempotencyKey, Instant createdAt) {
        this.publicId = publicId;
        this.paymentId = paymentId;
        this.merchantId = merchantId;
        this.status = RefundStatus.PENDING;
        this.amount = amount;
        this.currency = currency;
        this.reason = reason;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = createdAt;
    }

    public void succeeded(String transaction) {
        this.status = RefundStatus.SUCCEEDED;
        this.transactionId = transaction;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String paymentId() {
        return paymentId;
    }

    public String merchantId() {
        return merchantId;
    }

    public RefundStatus status() {
        return status;
    }

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String reason() {
        return reason;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String transactionId() {
        return transactionId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
