package io.okpay.support.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A file sent with a message: what it is (its type as its content shows), never the content (AttachmentContent). */
@Entity
@Table(name = "support_attachment")
@NamedQuery(name = Attachment.OF_TICKET, query = "SELECT a FROM Attachment a WHERE a.ticketId = :ticket ORDER BY a.id")
@NamedQuery(name = Attachment.BY_PUBLIC_ID, query = "SELECT a FROM Attachment a WHERE a.publicId = :id")
public class Attachment {

    public static final String OF_TICKET = "Attachment.ofTicket";
    public static final String BY_PUBLIC_ID = "Attachment.byPublicId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private Long ticketId;

    @Column(name = "message_id", nullable = false, updatable = false)
    private Long messageId;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Attachment() {
    }

    public Attachment(String publicId, Long ticketId, Long messageId, String fileName, String contentType, long sizeBytes,
                      Instant createdAt) {
        this.publicId = publicId;
        this.ticketId = ticketId;
        this.messageId = messageId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.createdAt = createdAt;
    }

    public Long id() { return id; }
    public String publicId() { return publicId; }
    public Long ticketId() { return ticketId; }
    public Long messageId() { return messageId; }
    public String fileName() { return fileName; }
    public String contentType() { return contentType; }
    public long sizeBytes() { return sizeBytes; }
    public Instant createdAt() { return createdAt; }
}
