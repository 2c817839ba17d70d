package io.okpay.support.entity;

import io.okpay.support.boundary.ChatStatus;
import io.okpay.support.boundary.TicketCategory;
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
 * A live chat of a person with the desk: waiting for an operator, then with one, then ended (its transcript is a
 * ticket). Lines are numbered in the chat ({@code seq}, 1, 2, …); {@code personReceived} and {@code operatorReceived}
 * are the last line each side's browser was sent (delivery), the typing times say when a side last typed.
 * {@code changedAt} moves with every change, so that every instance finds what to tell its sockets.
 */
@Entity
@Table(name = "support_chat")
@NamedQuery(name = Chat.BY_PUBLIC_ID, query = "SELECT c FROM Chat c WHERE c.publicId = :id")
@NamedQuery(name = Chat.LIVE_OF_USER, query = "SELECT c FROM Chat c WHERE c.userId = :user "
        + "AND c.status <> io.okpay.support.boundary.ChatStatus.ENDED ORDER BY c.id DESC")
@NamedQuery(name = Chat.FOR_DESK, query = "SELECT c FROM Chat c WHERE c.status = io.okpay.support.boundary.ChatStatus.WAITING "
        + "OR (c.status = io.okpay.support.boundary.ChatStatus.ACTIVE AND c.operatorId = :operator) ORDER BY c.id")
@NamedQuery(name = Chat.CHANGED_SINCE, query = "SELECT c FROM Chat c WHERE c.changedAt >= :since ORDER BY c.id")
@NamedQuery(name = Chat.IDLE, query = "SELECT c.publicId FROM Chat c WHERE c.status <> io.okpay.support.boundary.ChatStatus.ENDED "
        + "AND c.lastLineAt < :before")
public class Chat {

    public static final String BY_PUBLIC_ID = "Chat.byPublicId";
    public static final String LIVE_OF_USER = "Chat.liveOfUser";
    public static final String FOR_DESK = "Chat.forDesk";
    public static final String CHANGED_SINCE = "Chat.changedSince";
    public static final String IDLE = "Chat.idle";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(name = "operator_id")
    private String operatorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChatStatus status;

    @Column(name = "line_count", nullable = false)
    private int lineCount;

    @Column(name = "person_typing_at")
    private Instant personTypingAt;

    @Column(name = "operator_typing_at")
    private Instant operatorTypingAt;

    @Column(name = "person_received", nullable = false)
    private int personReceived;

    @Column(name = "operator_received", nullable = false)
    private int operatorReceived;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_line_at", nullable = false)
    private Instant lastLineAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ticket_id")
    private Long ticketId;

    protected Chat() {
    }

    public Chat(String publicId, String userId, TicketCategory category, Instant now) {
        this.publicId = publicId;
        this.userId = userId;
        this.category = category;
        this.status = ChatStatus.WAITING;
        this.createdAt = now;
        this.lastLineAt = now;
        this.changedAt = now;
    }

    public Long id() { return id; }
    public String publicId() { return publicId; }
    public String userId() { return userId; }
    public String operatorId() { return operatorId; }
    public TicketCategory category() { return category; }
    public ChatStatus status() { return status; }
    public int lineCount() { return lineCount; }
    public Instant personTypingAt() { return personTypingAt; }
    public Instant operatorTypingAt() { return operatorTypingAt; }
    public int personReceived() { return personReceived; }
    public int operatorReceived() { return operatorReceived; }
    public Instant createdAt() { return createdAt; }
    public Instant lastLineAt() { return lastLineAt; }
    public Instant changedAt() { return changedAt; }
    public Instant endedAt() { return endedAt; }
    public Long ticketId() { return ticketId; }

    /** The next line's number; writing a line ends that side's typing. */
    public int nextLine(boolean byPerson, Instant now) {
        lineCount++;
        if (byPerson) {
            personTypingAt = null;
        } else {
            operatorTypingAt = null;
        }
        lastLineAt = now;
        changedAt = now;
        return lineCount;
    }

    public void take(String operatorId, Instant now) {
        this.operatorId = operatorId;
        this.status = ChatStatus.ACTIVE;
        this.changedAt = now;
    }

    public void typing(boolean byPerson, Instant now) {
        if (byPerson) {
            personTypingAt = now;
        } else {
            operatorTypingAt = now;
        }
        changedAt = now;
    }

    /** The side's browser was sent every line up to {@code seq}; never moves back. */
    public boolean received(boolean byPerson, int seq, Instant now) {
        int upTo = Math.min(seq, lineCount);
        if (byPerson ? upTo <= personReceived : upTo <= operatorReceived) {
            return false;
        }
        if (byPerson) {
            personReceived = upTo;
        } else {
            operatorReceived = upTo;
        }
        changedAt = now;
        return true;
    }

    public void categorize(TicketCategory category, Instant now) {
        this.category = category;
        this.changedAt = now;
    }

    public void end(Long ticketId, Instant now) {
        this.status = ChatStatus.ENDED;
        this.ticketId = ticketId;
        this.endedAt = now;
        this.personTypingAt = null;
        this.operatorTypingAt = null;
        this.changedAt = now;
    }
}
