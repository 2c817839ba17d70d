package io.okpay.kyc.entity;

import io.okpay.kyc.boundary.VerificationStatus;
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
 * One identity verification a person ({@code usr_...}) submitted. What they typed (name, date of birth, nationality,
 * address, document type and number) is one sealed JSON text; {@code keyId} names the master key version that sealed it.
 */
@Entity
@Table(name = "kyc_verification")
@NamedQuery(name = Verification.BY_PUBLIC_ID, query = "SELECT v FROM Verification v WHERE v.publicId = :id")
@NamedQuery(name = Verification.BY_USER, query = "SELECT v FROM Verification v WHERE v.userId = :userId ORDER BY v.id DESC")
@NamedQuery(name = Verification.BY_STATUS, query = "SELECT v FROM Verification v WHERE v.status = :status AND v.id > :after ORDER BY v.id")
@NamedQuery(name = Verification.SCREENED, query = "SELECT v FROM Verification v WHERE v.status IN :statuses ORDER BY v.id")
public class Verification {

    public static final String BY_PUBLIC_ID = "Verification.byPublicId";
    /** A person's submissions, newest first. */
    public static final String BY_USER = "Verification.byUser";
    /** Submissions in a status, oldest first, after an internal id (the cursor). */
    public static final String BY_STATUS = "Verification.byStatus";
    /** Submissions in any of the statuses: what a new screening list is checked against. */
    public static final String SCREENED = "Verification.screened";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VerificationStatus status;

    @Column(name = "key_id", nullable = false, updatable = false)
    private String keyId;

    @Column(name = "sealed_details", nullable = false, updatable = false, columnDefinition = "text")
    private String sealedDetails;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "reason")
    private String reason;

    @Column(name = "requested_document")
    private String requestedDocument;

    /** The person while this waits for compliance (a unique key: one pending submission per person), else null. */
    @Column(name = "pending_user_id")
    private String pendingUserId;

    protected Verification() {
    }

    public Verification(String publicId, String userId, String keyId, String sealedDetails, Instant createdAt) {
        this.publicId = publicId;
        this.userId = userId;
        this.keyId = keyId;
        this.sealedDetails = sealedDetails;
        this.createdAt = createdAt;
        this.status = VerificationStatus.PENDING;
        this.pendingUserId = userId;
    }

    /** Compliance's decision, with the reason the person reads and, for a request for more, which document. */
    public void decide(VerificationStatus decision, String operatorId, Instant at, String reason, String document) {
        this.status = decision;
        this.decidedBy = operatorId;
        this.decidedAt = at;
        this.reason = reason;
        this.requestedDocument = document;
        this.pendingUserId = null;
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

    public VerificationStatus status() {
        return status;
    }

    public String keyId() {
        return keyId;
    }

    public String sealedDetails() {
        return sealedDetails;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String reason() {
        return reason;
    }

    public String requestedDocument() {
        return requestedDocument;
    }
}
