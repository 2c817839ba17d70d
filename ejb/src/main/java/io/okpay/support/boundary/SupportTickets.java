package io.okpay.support.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.PublicIds;
import io.okpay.support.control.AttachmentVault;
import io.okpay.support.control.SupportMails;
import io.okpay.support.control.SupportSettings;
import io.okpay.support.control.TicketRecords;
import io.okpay.support.entity.Attachment;
import io.okpay.support.entity.Ticket;
import io.okpay.wallet.boundary.Wallets;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * A person's side of the support desk: open a ticket (page, API), read their tickets and threads (never the desk's
 * notes), answer, rate a resolved one, download a file of their thread. Someone else's ticket is not found (404).
 * A new ticket is acknowledged by e-mail; a security report is audited (it feeds the security reviews).
 */
@Stateless
public class SupportTickets {

    public static final int RATING_COMMENT_MAX = 500;

    @EJB
    Users users;

    @EJB
    Wallets wallets;

    @EJB
    AuditLog audit;

    @Inject
    TicketRecords records;

    @Inject
    AttachmentVault vault;

    @Inject
    SupportMails mails;

    @Inject
    SupportSettings settings;

    public TicketView open(String userId, NewTicket request, Channel channel) {
        UserView user = users.require(userId);
        TicketCategory category = TicketCategory.parse(request.category());
        if (category == null) {
            throw BusinessException.invalid(List.of(new FieldError("category", "category_invalid")));
        }
        String subject = TicketRecords.text(request.subject(), "subject", TicketRecords.SUBJECT_MAX, false);
        String message = TicketRecords.text(request.message(), "message", TicketRecords.MESSAGE_MAX, true);
        String transactionId = ownTransaction(userId, request.transactionId());
        List<AttachmentVault.Checked> files = vault.check(request.uploads());
        Instant now = Instant.now();
        Ticket ticket = new Ticket(PublicIds.newId("tkt"), userId, user.email(), user.locale().toLanguageTag(), category,
                subject, channel, transactionId, now, now.plus(settings.firstReplyWithin()));
        records.em().persist(ticket);
        records.em().flush();
        records.add(ticket, MessageKind.CUSTOMER, userId, channel, message, files, now);
        mails.acknowledge(ticket, user.displayName(), user.timeZone());
        if (category == TicketCategory.SECURITY) {
            audit.record(userId, "support.security_report", null, ticket.publicId()
                    + (transactionId == null ? "" : " " + transactionId));
        }
        return records.view(ticket, now);
    }

    /** The person's tickets, newest first (at most 100). */
    public List<TicketView> list(String userId) {
        Instant now = Instant.now();
        return records.em().createNamedQuery(Ticket.OF_USER, Ticket.class).setParameter("user", userId)
                .setMaxResults(100).getResultStream().map(t -> records.view(t, now)).toList();
    }

    public TicketThread thread(String userId, String ticketId) {
        return records.thread(own(userId, ticketId, false), false, Instant.now());
    }

    /** The person writes again: the ticket is the desk's turn again (also after it was resolved); closed is final. */
    public MessageView reply(String userId, String ticketId, String body, List<Upload> uploads, Channel channel) {
        Ticket ticket = own(userId, ticketId, true);
        String message = TicketRecords.text(body, "message", TicketRecords.MESSAGE_MAX, true);
        List<AttachmentVault.Checked> files = vault.check(uploads == null ? List.of() : uploads);
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new BusinessException("ticket_closed");
        }
        Instant now = Instant.now();
        var added = records.add(ticket, MessageKind.CUSTOMER, userId, channel, message, files, now);
        ticket.customerWrote(now);
        return records.thread(ticket, false, now).messages().stream()
                .filter(m -> m.id().equals(added.publicId())).findFirst().orElseThrow();
    }

    /** 1 to 5 stars for the answer, once the ticket is resolved or closed; rating again replaces the first. */
    public TicketView rate(String userId, String ticketId, Integer stars, String comment) {
        Ticket ticket = own(userId, ticketId, true);
        if (stars == null || stars < 1 || stars > 5) {
            throw BusinessException.invalid(List.of(new FieldError("rating", "rating_invalid")));
        }
        if (ticket.status() != TicketStatus.RESOLVED && ticket.status() != TicketStatus.CLOSED) {
            throw new BusinessException("rating_too_early");
        }
        String kept = comment == null || comment.isBlank() ? null
                : TicketRecords.text(comment, "comment", RATING_COMMENT_MAX, true);
        Instant now = Instant.now();
        ticket.rate(stars, kept, now);
        return records.view(ticket, now);
    }

    public AttachmentFile attachment(String userId, String ticketId, String attachmentId) {
        Ticket ticket = own(userId, ticketId, false);
        Attachment attachment = records.attachment(ticket, attachmentId, false).orElseThrow(BusinessException::notFound);
        return vault.open(records.em(), attachment);
    }

    private Ticket own(String userId, String ticketId, boolean lock) {
        return (lock ? records.lock(ticketId) : records.find(ticketId))
                .filter(t -> userId != null && userId.equals(t.userId()))
                .orElseThrow(BusinessException::notFound);
    }

    private String ownTransaction(String userId, String transactionId) {
        if (transactionId == null || transactionId.isBlank()) {
            return null;
        }
        try {
            return wallets.transaction(userId, transactionId.trim()).transactionId();
        } catch (BusinessException e) {
            throw BusinessException.invalid(List.of(new FieldError("transaction_id", "transaction_unknown")));
        }
    }
}
