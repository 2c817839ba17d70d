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

/**
 * The payment of a checkout session by a person: {@code amount} left the payer's wallet, {@code amount - fee} reached
 * the merchant; {@code refunded} of it went back so far. Minor units of {@code currency}.
 */
@Entity
@Table(name = "checkout_payment")
@NamedQuery(name = CheckoutPayment.BY_PUBLIC_ID, query = "SELECT p FROM CheckoutPayment p WHERE p.publicId = :id")
@NamedQuery(name = CheckoutPayment.BY_SESSION, query = "SELECT p FROM CheckoutPayment p WHERE p.sessionId = :sessionId")
@NamedQuery(name = CheckoutPayment.OF_MERCHANT, query = "SELECT p FROM CheckoutPayment p WHERE p.merchantId = :merchantId "
        + "AND p.status = io.okpay.checkout.entity.PaymentStatus.SUCCEEDED AND p.id < :before "
        + "AND p.createdAt >= :from AND p.createdAt < :to ORDER BY p.id DESC")
@NamedQuery(name = CheckoutPayment.COUNT_PAID_BY, query = "SELECT COUNT(p) FROM CheckoutPayment p WHERE p.payerId = :payerId "
        + "AND p.merchantId = :merchantId AND p.status = io.okpay.checkout.entity.PaymentStatus.SUCCEEDED")
public class CheckoutPayment {

    public static final String BY_PUBLIC_ID = "CheckoutPayment.byPublicId";
    public static final String BY_SESSION = "CheckoutPayment.bySession";
    /** A merchant's succeeded payments created in [from, to), newest first, strictly before an internal id. */
    public static final String OF_MERCHANT = "CheckoutPayment.ofMerchant";
    /** How many times a person has paid a merchant. */
    public static final String COUNT_PAID_BY = "CheckoutPayment.countPaidBy";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "session_id", nullable = false, updatable = false)
    private String sessionId;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private String merchantId;

    @Column(name = "payer_id", nullable = false)
    private String payerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(nullable = false)
    private long fee;

    @Column(nullable = false)
    private long refunded;

    @Column(nullable = false, updatable = false, length = 3, columnDefinition = "char(3)")
    private String currency;

    @Column(name = "transaction_id")
    private String transactionId;

    @Column(name = "created_at", nullable = false, updatable = false, columnDefinition = "datetime(6)")
    private Instant createdAt;

    protected CheckoutPayment() {
    }

    public CheckoutPayment(String publicId, String sessionId, String merchantId, String payerId, long amount, long fee,
                           String currency, Instant createdAt) {
        this.publicId = publicId;
        this.sessionId = sessionId;
        this.merchantId = merchantId;
        this.payerId = payerId;
        this.status = PaymentStatus.PENDING;
        this.amount = amount;
        this.fee = fee;
        this.currency = currency;
        this.createdAt = createdAt;
    }

    /** Another attempt, by this payer, to pay a session whose earlier attempt moved no money. */
    public void retryBy(String payer, long newFee) {
        this.payerId = payer;
        this.fee = newFee;
    }

    public void succeeded(String payer, String transaction) {
        this.payerId = payer;
        this.status = PaymentStatus.SUCCEEDED;
        this.transactionId = transaction;
    }

    public void addRefunded(long minor) {
        this.refunded = Math.addExact(refunded, minor);
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String sessionId() {
        return sessionId;
    }

    public String merchantId() {
        return merchantId;
    }

    public String payerId() {
        return payerId;
    }

    public PaymentStatus status() {
        return status;
    }

    public long amount() {
        return amount;
    }

    public long fee() {
        return fee;
    }

    public long refunded() {
        return refunded;
    }

    public String currency() {
        return currency;
    }

    public String transactionId() {
        return transactionId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
