package io.okpay.kyc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** One step in a verification's history: submitted, approved, rejected, more requested, a screening hit cleared. */
@Entity
@Table(name = "kyc_event")
@NamedQuery(name = VerificationEvent.OF, query = "SELECT e FROM VerificationEvent e WHERE e.verificationId IN :ids ORDER BY e.id")
public class VerificationEvent {

    public static final String OF = "VerificationEvent.of";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "verification_id", nullable = false, updatable = false)
    private Long verificationId;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(updatable = false)
    private String reason;

    @Column(updatable = false)
    private String document;

    @Column(name = "happened_at", nullable = false, updatable = false)
    private Instant at;

    protected VerificationEvent() {
    }

    public VerificationEvent(Long verificationId, String action, String actor, String reason, String document, Instant at) {
        this.verificationId = verificationId;
        this.action = action;
        this.actor = actor;
        this.reason = reason;
        this.document = document;
        this.at = at;
    }

    public Long verificationId() {
        return verificationId;
    }

    public String action() {
        return action;
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public String document() {
        return document;
    }

    public Instant at() {
        return at;
    }
}
