package io.okpay.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One audited event. Never changed after it is written (the database refuses updates and deletes); its place in the
 * hash chain is written beside it when it is sealed ({@link io.okpay.audit.control.AuditSeals}).
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String event;

    @Column(nullable = false, updatable = false)
    private String ip;

    @Column(nullable = false, updatable = false)
    private String detail;

    protected AuditRecord() {
    }

    public AuditRecord(Instant createdAt, String actor, String event, String ip, String detail) {
        this.createdAt = createdAt;
        this.actor = actor;
        this.event = event;
        this.ip = ip;
        this.detail = detail;
    }

    public Long id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String actor() {
        return actor;
    }

    public String event() {
        return event;
    }

    public String ip() {
        return ip;
    }

    public String detail() {
        return detail;
    }
}
