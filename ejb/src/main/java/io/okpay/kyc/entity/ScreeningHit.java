package io.okpay.kyc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A verification whose person matched a screening list entry, exactly or fuzzily (score: similarity in percent). OPEN
 * until compliance clears it with a reason; no verification with an open hit is approved.
 */
@Entity
@Table(name = "kyc_screening_hit")
@NamedQuery(name = ScreeningHit.OF, query = "SELECT h FROM ScreeningHit h WHERE h.verificationId IN :ids ORDER BY h.id")
@NamedQuery(name = ScreeningHit.OPEN_COUNT,
        query = "SELECT COUNT(h) FROM ScreeningHit h WHERE h.verificationId = :verification AND h.status = 'OPEN'")
@NamedQuery(name = ScreeningHit.BY_PUBLIC_ID,
        query = "SELECT h FROM ScreeningHit h WHERE h.publicId = :id AND h.verificationId = :verification")
@NamedQuery(name = ScreeningHit.PAIR,
        query = "SELECT COUNT(h) FROM ScreeningHit h WHERE h.verificationId = :verification AND h.entryId = :entry")
public class ScreeningHit {

    public static final String OF = "ScreeningHit.of";
    public static final String OPEN_COUNT = "ScreeningHit.openCount";
    public static final String BY_PUBLIC_ID = "ScreeningHit.byPublicId";
    public static final String PAIR = "ScreeningHit.pair";
    public static final String OPEN = "OPEN";
    public static final String CLEARED = "CLEARED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "verification_id", nullable = false, updatable = false)
    private Long verificationId;

    @Column(name = "entry_id", nullable = false, updatable = false)
    private Long entryId;

    @Column(name = "exact_match", nullable = false, updatable = false)
    private boolean exactMatch;

    @Column(nullable = false, updatable = false)
    private int score;

    @Column(nullable = false)
    private String status;

    @Column(name = "found_at", nullable = false, updatable = false)
    private Instant foundAt;

    @Column(name = "cleared_by")
    private String clearedBy;

    @Column(name = "cleared_at")
    private Instant clearedAt;

    @Column(name = "cleared_reason")
    private String clearedReason;

    protected ScreeningHit() {
    }

    public ScreeningHit(String publicId, Long verificationId, Long entryId, boolean exactMatch, int score, Instant foundAt) {
        this.publicId = publicId;
        this.verificationId = verificationId;
        this.entryId = entryId;
        this.exactMatch = exactMatch;
        this.score = score;
        this.status = OPEN;
        this.foundAt = foundAt;
    }

    public void clear(String operatorId, Instant at, String reason) {
        this.status = CLEARED;
        this.clearedBy = operatorId;
        this.clearedAt = at;
        this.clearedReason = reason;
    }

    public String publicId() {
        return publicId;
    }

    public Long verificationId() {
        return verificationId;
    }

    public Long entryId() {
        return entryId;
    }

    public boolean exactMatch() {
        return exactMatch;
    }

    public int score() {
        return score;
    }

    public String status() {
        return status;
    }

    public boolean open() {
        return OPEN.equals(status);
    }

    public Instant clearedAt() {
        return clearedAt;
    }

    public String clearedReason() {
        return clearedReason;
    }
}
