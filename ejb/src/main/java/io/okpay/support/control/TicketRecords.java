package io.okpay.support.control;

import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.PublicIds;
import io.okpay.support.boundary.AttachmentView;
import io.okpay.support.boundary.Channel;
import io.okpay.support.boundary.MessageKind;
import io.okpay.support.boundary.MessageView;
import io.okpay.support.boundary.TicketThread;
import io.okpay.support.boundary.TicketView;
import io.okpay.support.entity.Attachment;
import io.okpay.support.entity.Ticket;
import io.okpay.support.entity.TicketMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Tickets, messages and attachments in the caller's transaction, and their views. */
@ApplicationScoped
public class TicketRecords {

    /** Longest message kept; longer is a field error. */
    public static final int MESSAGE_MAX = 10_000;
    public static final int SUBJECT_MAX = 200;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    AttachmentVault vault;

    public EntityManager em() {
        return em;
    }

    public Optional<Ticket> find(String publicId) {
        if (publicId == null || !publicId.startsWith("tkt_")) {
            return Optional.empty();
        }
        return em.createNamedQuery(Ticket.BY_PUBLIC_ID, Ticket.class).setParameter("id", publicId)
                .getResultStream().findFirst();
    }

    /** The ticket locked for a change (a reply and a status change do not cross). */
    public Optional<Ticket> lock(String publicId) {
        return find(publicId).map(t -> {
            em.lock(t, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(t);
            return t;
        });
    }

    public TicketMessage add(Ticket ticket, MessageKind kind, String authorId, Channel channel, String body,
                             List<AttachmentVault.Checked> files, Instant now) {
        TicketMessage message = new TicketMessage(PublicIds.newId("msg"), ticket.id(), kind, authorId, channel, body, now);
        em.persist(message);
        em.flush();
        vault.store(em, ticket.id(), message.id(), files, now);
        return message;
    }

    public TicketView view(Ticket t, Instant now) {
        return new TicketView(t.publicId(), t.userId(), t.requesterEmail(), t.category(), t.subject(), t.status(),
                t.priority() == Ticket.Priority.HIGH, t.channel(), t.transactionId(), t.assigneeId(), t.createdAt(),
                t.updatedAt(), t.firstReplyDueAt(), t.firstRepliedAt(), t.resolvedAt(), t.rating(), t.overdue(now));
    }

    /** The thread, oldest first; the desk's notes only when asked for. */
    public TicketThread thread(Ticket ticket, boolean withNotes, Instant now) {
        Map<Long, List<AttachmentView>> files = em.createNamedQuery(Attachment.OF_TICKET, Attachment.class)
                .setParameter("ticket", ticket.id()).getResultStream()
                .collect(Collectors.groupingBy(Attachment::messageId, Collectors.mapping(
                        a -> new AttachmentView(a.publicId(), a.fileName(), a.contentType(), a.sizeBytes()),
                        Collectors.toList())));
        List<MessageView> messages = new ArrayList<>();
        for (TicketMessage m : em.createNamedQuery(TicketMessage.OF_TICKET, TicketMessage.class)
                .setParameter("ticket", ticket.id()).getResultList()) {
            if (m.kind() == MessageKind.NOTE && !withNotes) {
                continue;
            }
            messages.add(new MessageView(m.publicId(), m.kind(), m.authorId(), m.channel(), m.body(), m.createdAt(),
                    files.getOrDefault(m.id(), List.of())));
        }
        return new TicketThread(view(ticket, now), messages);
    }

    /** The attachment, if it belongs to the ticket and to a message the reader may see. */
    public Optional<Attachment> attachment(Ticket ticket, String attachmentId, boolean withNotes) {
        return em.createNamedQuery(Attachment.BY_PUBLIC_ID, Attachment.class).setParameter("id", attachmentId)
                .getResultStream().findFirst()
                .filter(a -> a.ticketId().equals(ticket.id()))
                .filter(a -> withNotes || em.find(TicketMessage.class, a.messageId()).kind() != MessageKind.NOTE);
    }

    /** Text without control characters (line breaks and tabs kept), trimmed; a field error when empty or too long. */
    public static String text(String value, String field, int max, boolean multiline) {
        String cleaned = value == null ? "" : value.replace("\r\n", "\n")
                .replaceAll(multiline ? "[\\p{Cc}&&[^\\n\\t]]" : "\\p{Cc}", multiline ? "" : " ").strip();
        if (cleaned.isEmpty() || cleaned.codePointCount(0, cleaned.length()) > max) {
            throw BusinessException.invalid(List.of(new FieldError(field, field + "_invalid", max)));
        }
        return cleaned;
    }
}
