package io.okpay.kyc.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A file of a verification (front, back, selfie): its content sealed as bytes under the master key, and, for images,
 * a small sealed thumbnail, the only form in which the person's own session sees it again.
 */
@Entity
@Table(name = "kyc_document")
@NamedQuery(name = VerificationDocument.BY_PUBLIC_ID,
        query = "SELECT d FROM VerificationDocument d WHERE d.publicId = :id AND d.verificationId = :verification")
public class VerificationDocument {

    public static final String BY_PUBLIC_ID = "VerificationDocument.byPublicId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "verification_id", nullable = false, updatable = false)
    private Long verificationId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "key_id", nullable = false, updatable = false)
    private String keyId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false, columnDefinition = "longblob")
    private byte[] content;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(updatable = false, columnDefinition = "mediumblob")
    private byte[] thumbnail;

    protected VerificationDocument() {
    }

    public VerificationDocument(String publicId, Long verificationId, String kind, String contentType, long sizeBytes,
                                String keyId, byte[] content, byte[] thumbnail) {
        this.publicId = publicId;
        this.verificationId = verificationId;
        this.kind = kind;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.keyId = keyId;
        this.content = content;
        this.thumbnail = thumbnail;
    }

    public String publicId() {
        return publicId;
    }

    public Long verificationId() {
        return verificationId;
    }

    public String kind() {
        return kind;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public byte[] content() {
        return content;
    }

    public byte[] thumbnail() {
        return thumbnail;
    }
}
