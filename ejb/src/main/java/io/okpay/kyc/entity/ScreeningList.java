package io.okpay.kyc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A screening list compliance uploaded; its entries are {@link ScreeningEntry} rows. */
@Entity
@Table(name = "kyc_screening_list")
public class ScreeningList {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false)
    private int entries;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected ScreeningList() {
    }

    public ScreeningList(String publicId, String name, int entries, String uploadedBy, Instant uploadedAt) {
        this.publicId = publicId;
        this.name = name;
        this.entries = entries;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String name() {
        return name;
    }

    public int entries() {
        return entries;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
