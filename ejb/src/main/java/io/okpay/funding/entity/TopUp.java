package io.okpay.funding.entity;

import io.okpay.funding.boundary.TopUpMethod;
import io.okpay.funding.boundary.TopUpStatus;
import io.okpay.funding.boundary.CardToken;
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
 * One attempt to put money into a person's wallet. Written before any remote call, so an attempt whose outcome is
 * unknown is never forgotten. Of a card it keeps only the processor's token, brand, last four digits and expiry.
 */
@Entity
@Table(name = "topup")
@NamedQuery(name = TopUp.BY_PUBLIC_ID, query = "SELECT t FROM TopUp t WHERE t.publicId = :publicId")
@NamedQuery(name = TopUp.BY_KEY, query = "SELECT t FROM TopUp t WHERE t.userId = :userId AND t.idempotencyKey = :key")
@NamedQuery(name = TopUp.BY_REFERENCE, query = "SELECT t FROM TopUp t WHERE t.reference = :reference")
@NamedQuery(name = TopUp.EXPIRED_TRANSFERS, query = "SELECT t.publicId FROM TopUp t WHERE t.status = :status "
        + "AND t.expiresAt < :now ORDER BY t.expiresAt")
@NamedQuery(name = TopUp.UNSETTLED_BEFORE, query = "SELECT t.publicId FROM TopUp t WHERE t.status = :status "
        + "AND t.updatedAt < :before ORDER BY t.updatedAt")
public class TopUp {

    public static final String BY_PUBLIC_ID = "TopUp.byPublicId";
    public static final String BY_KEY = "TopUp.byKey";
    public static final String UNSETTLED_BEFORE = "TopUp.unsettledBefore";
    public static final String BY_REFERENCE = "TopUp.byReference";
    public static final String EXPIRED_TRANSFERS = "TopUp.expiredTransfers";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false, updatable = false, columnDefinition = "char(64)")
    private String requestHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private TopUpMethod method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TopUpStatus status;

    @Column(nullable = false, updatable = false, columnDefinition = "char(3)")
    private String currency;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(nullable = false, updatable = false)
    private long fee;

    @Column(name = "card_token")
    private String cardToken;

    @Column(name = "card_brand")
    private String cardBrand;

    @Column(name = "card_last4", columnDefinition = "char(4)")
    private String cardLastFour;

    @Column(name = "card_exp_month")
    private Integer cardExpMonth;

    @Column(name = "card_exp_year")
    private Integer cardExpYear;

    @Column(name = "authorisation_id")
    private String authorisationId;

    @Column(name = "voucher_id")
    private Long voucherId;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "transaction_id")
    private String transactionId;

    @Column(name = "reference", updatable = false)
    private String reference;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TopUp() {
    }

    public TopUp(String publicId, String userId, String idempotencyKey, String requestHash, TopUpMethod method,
                 String currency, long amount, long fee, Instant now) {
        this.publicId = publicId;
        this.userId = userId;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.method = method;
        this.status = TopUpStatus.PROCESSING;
        this.currency = currency;
        this.amount = amount;
        this.fee = fee;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void cardTokenised(CardToken token, Instant now) {
        cardToken = token.token();
        cardBrand = token.brand().wireName();
        cardLastFour = token.lastFour();
        cardExpMonth = token.expMonth();
        cardExpYear = token.expYear();
        updatedAt = now;
    }

    public void authorised(String authorisationId, TopUpStatus status, Instant now) {
        this.authorisationId = authorisationId;
        this.status = status;
        updatedAt = now;
    }

    /** A bank transfer top-up: waits for money with this reference until {@code expiresAt}. */
    public void awaitTransfer(TopUpReference reference, Instant expiresAt) {
        this.reference = reference.value();
        this.expiresAt = expiresAt;
        this.status = TopUpStatus.PENDING;
    }

    public void redeemed(long voucherId) {
        this.voucherId = voucherId;
    }

    public void succeeded(String transactionId, Instant now) {
        this.transactionId = transactionId;
        status = TopUpStatus.SUCCEEDED;
        updatedAt = now;
    }

    public void failed(String failureCode, Instant now) {
        this.failureCode = failureCode;
        status = TopUpStatus.FAILED;
        updatedAt = now;
    }

    public String publicId() {
        return publicId;
    }

    public String userId() {
        return userId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String requestHash() {
        return requestHash;
    }

    public TopUpMethod method() {
        return method;
    }

    public TopUpStatus status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public long amount() {
        return amount;
    }

    public long fee() {
        return fee;
    }

    public String cardToken() {
        return cardToken;
    }

    public String cardBrand() {
        return cardBrand;
    }

    public String cardLastFour() {
        return cardLastFour;
    }

    public Integer cardExpMonth() {
        return cardExpMonth;
    }

    public Integer cardExpYear() {
        return cardExpYear;
    }

    public String authorisationId() {
        return authorisationId;
    }

    public String failureCode() {
        return failureCode;
    }

    public String transactionId() {
        return transactionId;
    }

    public String reference() {
        return reference;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
