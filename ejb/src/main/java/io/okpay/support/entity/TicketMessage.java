package io.okpay.support.entity;

import io.okpay.support.boundary.Channel;
import io.okpay.support.boundary.MessageKind;
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

/** One message of a ticket's thread: the person's, a reply of the desk, or an internal note the person never sees. */
@Entity
@Table(name = "support_message")
@NamedQuery(name = TicketMessage.OF_TICKET, query = "SELECT m FROM TicketMessage m WHERE m.ticketId = :ticket ORDER BY m.id")
public class TicketMessage {

    public static final String OF_TICKET = "TicketMessage.ofTicket";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private Long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MessageKind kind;

    @Column(name = "author_id", updatable = false)
    private String authorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(nullable = false, updatable = false, columnDefinition = "mediumtext")
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TicketMessage() {
    }

    public TicketMessage(String publicId, Long ticketId, MessageKind kind, String authorId, Channel channel, String body,
                         Instant createdAt) {
        this.publicId = publicId;
        this.ticketId = ticketId;
        this.kind = kind;
        this.authorId = authorId;
        this.channel = channel;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Long id() { return id; }
    public String publicId() { return publicId; }
    public Long ticketId() { return ticketId; }
    public MessageKind kind() { return kind; }
    public String authorId() { return authorId; }
    public Channel channel() { return channel; }
    public String body() { return body; }
    public Instant createdAt() { return createdAt; }
}
