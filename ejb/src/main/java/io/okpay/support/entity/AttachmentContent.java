package io.okpay.support.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The content of an attachment, sealed (AES-GCM under the master key, bound to the attachment's public id). */
@Entity
@Table(name = "support_attachment_content")
public class AttachmentContent {

    @Id
    @Column(name = "attachment_id")
    private Long attachmentId;

    @Column(nullable = false, updatable = false, columnDefinition = "longtext")
    private String sealed;

    protected AttachmentContent() {
    }

    public AttachmentContent(Long attachmentId, String sealed) {
        this.attachmentId = attachmentId;
        this.sealed = sealed;
    }

    public String sealed() {
        return sealed;
    }
}
