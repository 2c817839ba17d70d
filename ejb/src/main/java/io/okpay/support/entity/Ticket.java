package io.okpay.support.entity;

import io.okpay.support.boundary.Channel;
import io.okpay.support.boundary.TicketCategory;
import io.okpay.support.boundary.TicketStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A support request: who asked (a person, or only an e-mail address for mail from someone without an account), about
 * what, where it stands, who on the desk has it, and the first-reply promise ({@code firstReplyDueAt}).
 */
@Entity
@Table(name = "support_ticket")
@NamedQuery(name = Ticket.BY_PUBLIC_ID, query = "SELECT t FROM Ticket t WHERE t.publicId = :id")
@NamedQuery(name = Ticket.OF_USER, query = "SELECT t FROM Ticket t WHERE t.userId = :user ORDER BY t.id DESC")
@NamedQuery(name = Ticket.OVERDUE_COUNT, query = "SELECT COUNT(t) FROM Ticket t WHERE t.firstRepliedAt IS NULL "
        + "AND t.status = io.okpay.support.boundary.TicketStatus.OPEN AND t.firstReplyDueAt < :now")
public class Ticket {

    public static final String BY_PUBLIC_ID = "Ticket.byPublicId";
    public static final String OF_USER = "Ticket.ofUser";
    public static final String OVERDUE_COUNT = "Ticket.overdueCount";

    public enum Priority { NORMAL, HIGH }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "user_id", updatable = false)
    private String userId;

    @Column(name = "requester_email", nullable = false, updatable = false)
    private String requesterEmail;

    @Column(nullable = false)
    private String locale;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketCategory category;

    @Column(nullable = false)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "transaction_id")
    private String transactionId;

    @Column(name = "assignee_id")
    private String assigneeId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "first_reply_due_at", nullable = false)
    private Instant firstReplyDueAt;

    @Column(name = "first_replied_at")
    private Instant firstRepliedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column
    private Integer rating;

    @Column(name = "rating_comment")
    private String ratingComment;

    protected Ticket() {
    }

    public Ticket(String publicId, String userId, String requesterEmail, String locale, TicketCategory category,
                  String subject, Channel channel, String transactionId, Instant now, Instant firstReplyDueAt) {
        this.publicId = publicId;
        this.userId = userId;
        this.requesterEmail = requesterEmail;
        this.locale = locale;
        this.category = category;
        this.subject = subject;
        this.channel = channel;
        this.transactionId = transactionId;
        this.status = TicketStatus.OPEN;
        this.priority = category == TicketCategory.SECURITY ? Priority.HIGH : Priority.NORMAL;
        this.createdAt = now;
        this.updatedAt = now;
        this.firstReplyDueAt = firstReplyDueAt;
    }

    public Long id() { return id; }
    public String publicId() { return publicId; }
    public String userId() { return userId; }
    public String requesterEmail() { return requesterEmail; }
    public String locale() { return locale; }
    public TicketCategory category() { return category; }
    public String subject() { return subject; }
    public TicketStatus status() { return status; }
    public Priority priority() { return priority; }
    public Channel channel() { return channel; }
    public String transactionId() { return transactionId; }
    public String assigneeId() { return assigneeId; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant firstReplyDueAt() { return firstReplyDueAt; }
    public Instant firstRepliedAt() { return firstRepliedAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Integer rating() { return rating; }
    public String ratingComment() { return ratingComment; }

    public boolean securityReport() {
        return category == TicketCategory.SECURITY;
    }

    /** No first reply yet, still open, and past the promised time. */
    public boolean overdue(Instant now) {
        return firstRepliedAt == null && status == TicketStatus.OPEN && firstReplyDueAt.isBefore(now);
    }

    public void assign(String operatorId, Instant now) {
        this.assigneeId = operatorId;
        this.updatedAt = now;
    }

    /** The desk answered: the person's turn. */
    public void answered(Instant now) {
        if (firstRepliedAt == null) {
            firstRepliedAt = now;
        }
        if (status == TicketStatus.OPEN) {
            status = TicketStatus.WAITING_ON_CUSTOMER;
        }
        updatedAt = now;
    }

    /** The person wrote: the desk's turn again, also after a resolution. */
    public void customerWrote(Instant now) {
        status = TicketStatus.OPEN;
        resolvedAt = null;
        updatedAt = now;
    }

    public void moveTo(TicketStatus next, Instant now) {
        status = next;
        if (next == TicketStatus.RESOLVED || next == TicketStatus.CLOSED) {
            resolvedAt = resolvedAt == null ? now : resolvedAt;
        } else {
            resolvedAt = null;
        }
        updatedAt = now;
    }

    public void rate(int stars, String comment, Instant now) {
        this.rating = stars;
        this.ratingComment = comment;
        this.updatedAt = now;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
