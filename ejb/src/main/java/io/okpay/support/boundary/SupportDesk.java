package io.okpay.support.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.support.control.AttachmentVault;
import io.okpay.support.control.SupportMails;
import io.okpay.support.control.TicketRecords;
import io.okpay.support.entity.Ticket;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;

/**
 * The desk's side (SUPPORT; COMPLIANCE sees the security reports only): the queue, overdue first, then priority, then
 * the first-reply due time; a thread with the internal notes; assignment; replies (e-mailed to the person in their
 * language); notes; status changes; the desk's figures. The caller is the operator ({@link SessionContext}).
 */
@Stateless
@RolesAllowed({"SUPPORT", "COMPLIANCE"})
public class SupportDesk {

    static final int QUEUE_MAX = 200;

    @Resource
    SessionContext context;

    @EJB
    Users users;

    @EJB
    AuditLog audit;

    @Inject
    TicketRecords records;

    @Inject
    AttachmentVault vault;

    @Inject
    SupportMails mails;

    public List<TicketView> queue(QueueFilter filter) {
        Instant now = Instant.now();
        StringBuilder jpql = new StringBuilder("SELECT t FROM Ticket t WHERE 1 = 1");
        if (filter.status() != null) {
            jpql.append(" AND t.status = :status");
        } else {
            jpql.append(" AND t.status <> io.okpay.support.boundary.TicketStatus.CLOSED");
        }
        if (filter.overdueOnly()) {
            jpql.append(" AND t.firstRepliedAt IS NULL AND t.status = io.okpay.support.boundary.TicketStatus.OPEN"
                    + " AND t.firstReplyDueAt < :now");
        }
        TicketCategory category = complianceOnly() ? TicketCategory.SECURITY : filter.category();
        if (category != null) {
            jpql.append(" AND t.category = :category");
        }
        if (QueueFilter.UNASSIGNED.equals(filter.assignee())) {
            jpql.append(" AND t.assigneeId IS NULL");
        } else if (filter.assignee() != null) {
            jpql.append(" AND t.assigneeId = :assignee");
        }
        jpql.append(" ORDER BY CASE WHEN t.firstRepliedAt IS NULL AND t.status = io.okpay.support.boundary.TicketStatus.OPEN"
                + " AND t.firstReplyDueAt < :now THEN 0 ELSE 1 END, CASE WHEN t.category = io.okpay.support.boundary.TicketCategory.SECURITY THEN 0 ELSE 1 END,"
                + " t.firstReplyDueAt, t.id");
        TypedQuery<Ticket> query = records.em().createQuery(jpql.toString(), Ticket.class).setParameter("now", now)
                .setMaxResults(QUEUE_MAX);
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (category != null) {
            query.setParameter("category", category);
        }
        if (filter.assignee() != null && !QueueFilter.UNASSIGNED.equals(filter.assignee())) {
            query.setParameter("assignee", filter.assignee());
        }
        return query.getResultStream().map(t -> records.view(t, now)).toList();
    }

    public TicketThread thread(String ticketId) {
        return records.thread(visible(ticketId, false), true, Instant.now());
    }

    /** To the calling operator ({@code mine}) or to nobody. */
    public TicketView assign(String ticketId, boolean mine) {
        Ticket ticket = visible(ticketId, true);
        Instant now = Instant.now();
        ticket.assign(mine ? operator() : null, now);
        return records.view(ticket, now);
    }

    /** An answer the person gets by e-mail and on the ticket's page; the person's turn (waiting on customer). */
    public TicketView reply(String ticketId, String body) {
        Ticket ticket = visible(ticketId, true);
        String message = TicketRecords.text(body, "message", TicketRecords.MESSAGE_MAX, true);
        Instant now = Instant.now();
        records.add(ticket, MessageKind.AGENT, operator(), Channel.WEB, message, List.of(), now);
        ticket.answered(now);
        if (ticket.assigneeId() == null) {
            ticket.assign(operator(), now);
        }
        mails.reply(ticket, name(ticket), message);
        return records.view(ticket, now);
    }

    /** A note for the desk only: never shown or sent to the person. */
    public TicketView note(String ticketId, String body) {
        Ticket ticket = visible(ticketId, true);
        String message = TicketRecords.text(body, "message", TicketRecords.MESSAGE_MAX, true);
        Instant now = Instant.now();
        records.add(ticket, MessageKind.NOTE, operator(), Channel.WEB, message, List.of(), now);
        ticket.touch(now);
        return records.view(ticket, now);
    }

    public TicketView changeStatus(String ticketId, String status) {
        TicketStatus next = TicketStatus.parse(status);
        if (next == null) {
            throw BusinessException.invalid(List.of(new FieldError("status", "ticket_status_invalid")));
        }
        Ticket ticket = visible(ticketId, true);
        Instant now = Instant.now();
        ticket.moveTo(next, now);
        audit.record(operator(), "support.status", null, ticket.publicId() + " " + next.code());
        return records.view(ticket, now);
    }

    public AttachmentFile attachment(String ticketId, String attachmentId) {
        Ticket ticket = visible(ticketId, false);
        return vault.open(records.em(), records.attachment(ticket, attachmentId, true)
                .orElseThrow(BusinessException::notFound));
    }

    public DeskStats stats() {
        Object[] replies = (Object[]) records.em().createNativeQuery("SELECT COUNT(*), "
                + "AVG(TIMESTAMPDIFF(MINUTE, created_at, first_replied_at)) FROM support_ticket "
                + "WHERE first_replied_at IS NOT NULL").getSingleResult();
        Object[] ratings = (Object[]) records.em().createNativeQuery(
                "SELECT COUNT(rating), AVG(rating) FROM support_ticket WHERE rating IS NOT NULL").getSingleResult();
        long overdue = records.em().createNamedQuery(Ticket.OVERDUE_COUNT, Long.class)
                .setParameter("now", Instant.now()).getSingleResult();
        return new DeskStats(((Number) replies[0]).longValue(),
                replies[1] == null ? null : Math.round(((Number) replies[1]).doubleValue()), overdue,
                ratings[1] == null ? null : Math.round(((Number) ratings[1]).doubleValue() * 10) / 10.0,
                ((Number) ratings[0]).longValue());
    }

    private Ticket visible(String ticketId, boolean lock) {
        return (lock ? records.lock(ticketId) : records.find(ticketId))
                .filter(t -> !complianceOnly() || t.securityReport())
                .orElseThrow(BusinessException::notFound);
    }

    /** COMPLIANCE without SUPPORT: the security reports only. */
    private boolean complianceOnly() {
        return !context.isCallerInRole("SUPPORT");
    }

    private String operator() {
        return context.getCallerPrincipal().getName();
    }

    private String name(Ticket ticket) {
        if (ticket.userId() != null) {
            return users.require(ticket.userId()).displayName();
        }
        String email = ticket.requesterEmail();
        return email.substring(0, Math.max(1, email.indexOf('@')));
    }
}
