package io.okpay.payout.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A bank account an owner approved a payout to with a code; only an HMAC of its IBAN is kept. */
@Entity
@Table(name = "payout_bank_account")
@NamedQuery(name = PayoutBankAccount.FIND, query = "SELECT a FROM PayoutBankAccount a "
        + "WHERE a.ownerType = :ownerType AND a.ownerId = :ownerId AND a.ibanDigest = :digest")
public class PayoutBankAccount {

    public static final String FIND = "PayoutBankAccount.find";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_type", nullable = false, updatable = false)
    private String ownerType;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private String ownerId;

    @Column(name = "iban_digest", nullable = false, updatable = false)
    private String ibanDigest;

    @Column(name = "confirmed_by", nullable = false, updatable = false)
    private String confirmedBy;

    @Column(name = "confirmed_at", nullable = false, updatable = false)
    private Instant confirmedAt;

    protected PayoutBankAccount() {
    }

    public PayoutBankAccount(String ownerType, String ownerId, String ibanDigest, String confirmedBy, Instant confirmedAt) {
        this.ownerType = ownerType;
        this.ownerId = ownerId;
        this.ibanDigest = ibanDigest;
        this.confirmedBy = confirmedBy;
        this.confirmedAt = confirmedAt;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }
}
