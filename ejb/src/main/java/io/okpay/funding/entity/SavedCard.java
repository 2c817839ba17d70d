package io.okpay.funding.entity;

import io.okpay.funding.boundary.CardBrand;
import io.okpay.funding.boundary.CardToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.YearMonth;

/** A card a person saved for later top-ups: the processor's token, brand, last four digits and expiry only. */
@Entity
@Table(name = "saved_card")
@NamedQuery(name = SavedCard.OF_USER, query = "SELECT c FROM SavedCard c WHERE c.userId = :userId ORDER BY c.createdAt DESC")
@NamedQuery(name = SavedCard.BY_TOKEN, query = "SELECT c FROM SavedCard c WHERE c.userId = :userId AND c.token = :token")
@NamedQuery(name = SavedCard.BY_PUBLIC_ID, query = "SELECT c FROM SavedCard c WHERE c.userId = :userId AND c.publicId = :publicId")
public class SavedCard {

    public static final String OF_USER = "SavedCard.ofUser";
    public static final String BY_TOKEN = "SavedCard.byToken";
    public static final String BY_PUBLIC_ID = "SavedCard.byPublicId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(nullable = false, updatable = false)
    private String token;

    @Column(nullable = false, updatable = false)
    private String brand;

    @Column(name = "last4", nullable = false, updatable = false, columnDefinition = "char(4)")
    private String lastFour;

    @Column(name = "exp_month", nullable = false, updatable = false)
    private int expMonth;

    @Column(name = "exp_year", nullable = false, updatable = false)
    private int expYear;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SavedCard() {
    }

    public SavedCard(String publicId, String userId, CardToken card, Instant now) {
        this.publicId = publicId;
        this.userId = userId;
        this.token = card.token();
        this.brand = card.brand().wireName();
        this.lastFour = card.lastFour();
        this.expMonth = card.expMonth();
        this.expYear = card.expYear();
        this.createdAt = now;
    }

    public CardToken toToken() {
        return new CardToken(token, CardBrand.fromWireName(brand).orElseThrow(), lastFour, expMonth, expYear);
    }

    public boolean expiredBy(YearMonth month) {
        return YearMonth.of(expYear, expMonth).isBefore(month);
    }

    public String publicId() {
        return publicId;
    }

    public String brand() {
        return brand;
    }

    public String lastFour() {
        return lastFour;
    }

    public int expMonth() {
        return expMonth;
    }

    public int expYear() {
        return expYear;
    }
}
