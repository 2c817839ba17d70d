package io.okpay.support.control;

import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.PublicIds;
import io.okpay.shared.crypto.MasterKey;
import io.okpay.support.boundary.AttachmentFile;
import io.okpay.support.boundary.Upload;
import io.okpay.support.entity.Attachment;
import io.okpay.support.entity.AttachmentContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks and keeps the files sent with messages: at most okpay.support.attachments-per-message of them, each at most
 * okpay.support.attachment-max-bytes, of a type its content shows ({@link ContentTypes}); the content sealed with the
 * master key (AES-GCM), bound to the attachment's id so that sealed content cannot be moved to another attachment.
 */
@ApplicationScoped
public class AttachmentVault {

    static final String CONTEXT = "support-attachment:";

    @Inject
    MasterKey masterKey;

    @Inject
    SupportSettings settings;

    /** A file that passed the checks, with the type read from its content. */
    public record Checked(String fileName, String contentType, byte[] content) {
    }

    /** Throws a field error on {@code attachments} for too many, too large or unknown files. */
    public List<Checked> check(List<Upload> uploads) {
        List<Upload> files = uploads.stream().filter(u -> u != null && u.content() != null && u.content().length > 0).toList();
        if (files.size() > settings.attachmentsPerMessage()) {
            throw BusinessException.invalid(List.of(new FieldError("attachments", "attachments_too_many",
                    settings.attachmentsPerMessage())));
        }
        List<Checked> checked = new ArrayList<>();
        for (Upload file : files) {
            if (file.content().length > settings.attachmentMaxBytes()) {
                throw BusinessException.invalid(List.of(new FieldError("attachments", "attachment_too_large",
                        settings.attachmentMaxBytes() / (1024 * 1024))));
            }
            String type = ContentTypes.sniff(file.content()).orElseThrow(() -> BusinessException.invalid(List.of(
                    new FieldError("attachments", "attachment_type_refused"))));
            checked.add(new Checked(fileName(file.fileName(), type), type, file.content()));
        }
        return checked;
    }

    /** For e-mail: the files that pass, in order, up to the number allowed; the others are left out. */
    public List<Checked> acceptable(List<Upload> uploads) {
        List<Checked> kept = new ArrayList<>();
        for (Upload file : uploads) {
            if (kept.size() == settings.attachmentsPerMessage() || file.content() == null
                    || file.content().length == 0 || file.content().length > settings.attachmentMaxBytes()) {
                continue;
            }
            ContentTypes.sniff(file.content()).ifPresent(type ->
                    kept.add(new Checked(fileName(file.fileName(), type), type, file.content())));
        }
        return kept;
    }

    public List<Attachment> store(EntityManager em, Long ticketId, Long messageId, List<Checked> files, Instant now) {
        List<Attachment> stored = new ArrayList<>();
        for (Checked file : files) {
            Attachment attachment = new Attachment(PublicIds.newId("att"), ticketId, messageId, file.fileName(),
                    file.contentType(), file.content().length, now);
            em.persist(attachment);
            em.flush();
            em.persist(new AttachmentContent(attachment.id(),
                    masterKey.seal(file.content(), CONTEXT + attachment.publicId())));
            stored.add(attachment);
        }
        return stored;
    }

    public AttachmentFile open(EntityManager em, Attachment attachment) {
        AttachmentContent content = em.find(AttachmentContent.class, attachment.id());
        return new AttachmentFile(attachment.fileName(), attachment.contentType(),
                masterKey.open(content.sealed(), CONTEXT + attachment.publicId()));
    }

    /**
     * The name kept and offered for download: the sent name without any path, characters that are not letters, digits,
     * dots, dashes, underscores or spaces, at most 120 characters, and the extension of the type its content shows.
     */
    static String fileName(String sent, String contentType) {
        String name = sent == null ? "" : sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[^\\p{L}\\p{N}._\\- ]", "_").strip();
        int dot = name.lastIndexOf('.');
        String base = dot >= 0 ? name.substring(0, dot) : name;
        if (base.isBlank()) {
            base = "attachment";
        }
        if (base.length() > 120) {
            base = base.substring(0, 120);
        }
        return base + ContentTypes.extension(contentType);
    }
}
