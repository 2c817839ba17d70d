package io.okpay.fx.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A conversion quote and, once executed, its conversion. The quoted numbers never change: converting moves exactly
 * these minor units. {@code rate} is the customer rate as a decimal string (units of buy per unit of sell).
 */
@Entity
@Table(name = "fx_quote")
@NamedQuery(name = FxQuote.BY_PUBLIC_ID, query = "SELECT q FROM FxQuote q WHERE q.publicId = :id")
@NamedQuery(name = FxQuote.BY_CONVERSION_ID, query = "SELECT q FROM FxQuote q WHERE q.conversionId = :id")
@NamedQuery(name = FxQuote.BY_KEY, query = "SELECT q FROM FxQuote q WHERE q.userId = :userId AND q.idempotencyKey = :key")
@NamedQuery(name = FxQuote.CLAIM, query = "UPDATE FxQuote q SET q.idempotencyKey = :key "
        + "WHERE q.id = :id AND q.idempotencyKey IS NULL")
@NamedQuery(name = FxQuote.RELEASE, query = "UPDATE FxQuote q SET q.idempotencyKey = NULL "
        + "WHERE q.id = :id AND q.idempotencyKey = :key AND q.transactionId IS NULL")
@NamedQuery(name = FxQuote.CONVERTED, query = "UPDATE FxQuote q SET q.conversionId = :conversionId, "
        + "q.transactionId = :transactionId, q.convertedAt = :at WHERE q.id = :id AND q.transactionId IS NULL")
public class FxQuote {

    public static final String BY_PUBLIC_ID = "FxQuote.byPublicId";
    public static final String BY_CONVERSION_ID = "FxQuote.byConversionId";
    public static final String BY_KEY = "FxQuote.byKey";
    /** Binds an idempotency key to a quote not yet claimed; one row changed means this request owns the conversion. */
    public static final String CLAIM = "FxQuote.claim";
    /** Frees the key of a conversion the ledger refused, so the quote can be tried again while it is valid. */
    public static final String RELEASE = "FxQuote.release";
    public static final String CONVERTED = "FxQuote.converted";

    /** Which amount the person asked for; the other one was computed and rounded. */
    public enum FixedSide { SELL, BUY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(name = "sell_currency", nullable = false, updatable = false, length = 3, columnDefinition = "char(3)")
    private String sellCurrency;

    @Column(name = "buy_currency", nullable = false, updatable = false, length = 3, columnDefinition = "char(3)")
    private String buyCurrency;

    @Column(name = "sell_amount", nullable = false, updatable = false)
    private long sellAmount;

    @Column(name = "buy_amount", nullable = false, updatable = false)
    private long buyAmount;

    @Column(nullable = false, updatable = false)
    private long fee;

    @Column(nullable = false, updatable = false)
    private String rate;

    @Column(name = "mid_rate", nullable = false, updatable = false)
    private String midRate;

    @Column(name = "fixed_side", nullable = false, updatable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private FixedSide fixedSide;

    @Column(name = "created_at", nullable = false, updatable = false, columnDefinition = "datetime(6)")
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false, columnDefinition = "datetime(6)")
    private Instant expiresAt;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "conversion_id")
    private String conversionId;

    @Column(name = "transaction_id")
    private String transactionId;

    @Column(name = "converted_at", columnDefinition = "datetime(6)")
    private Instant convertedAt;

    protected FxQuote() {
    }

    public FxQuote(String publicId, String userId, String sellCurrency, String buyCurrency, long sellAmount,
                   long buyAmount, long fee, String rate, String midRate, FixedSide fixedSide, Instant createdAt,
                   Instant expiresAt) {
        this.publicId = publicId;
        this.userId = userId;
        this.sellCurrency = sellCurrency;
        this.buyCurrency = buyCurrency;
        this.sellAmount = sellAmount;
        this.buyAmount = buyAmount;
        this.fee = fee;
        this.rate = rate;
        this.midRate = midRate;
        this.fixedSide = fixedSide;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String userId() {
        return userId;
    }

    public String sellCurrency() {
        return sellCurrency;
    }

    public String buyCurrency() {
        return buyCurrency;
    }

    public long sellAmount() {
        return sellAmount;
    }

    public long buyAmount() {
        return buyAmount;
    }

    public long fee() {
        return fee;
    }

    public String rate() {
        return rate;
    }

    public String midRate() {
        return midRate;
    }

    public FixedSide fixedSide() {
        return fixedSide;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String conversionId() {
        return conversionId;
    }

    public String transactionId() {
        return transactionId;
    }

    public Instant convertedAt() {
        return convertedAt;
    }

    public boolean converted() {
        return transactionId != null;
    }
}
