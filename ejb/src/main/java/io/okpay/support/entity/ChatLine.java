package io.okpay.support.entity;

import io.okpay.support.boundary.ChatAuthor;
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

/** One line of a chat, as written (shown escaped everywhere); {@code seq} is its number in the chat. */
@Entity
@Table(name = "support_chat_line")
@NamedQuery(name = ChatLine.OF_CHAT, query = "SELECT l FROM ChatLine l WHERE l.chatId = :chat ORDER BY l.seq")
@NamedQuery(name = ChatLine.AFTER, query = "SELECT l FROM ChatLine l WHERE l.id > :after ORDER BY l.id")
@NamedQuery(name = ChatLine.LAST_ID, query = "SELECT MAX(l.id) FROM ChatLine l")
public class ChatLine {

    public static final String OF_CHAT = "ChatLine.ofChat";
    public static final String AFTER = "ChatLine.after";
    public static final String LAST_ID = "ChatLine.lastId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "chat_id", nullable = false, updatable = false)
    private Long chatId;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ChatAuthor author;

    @Column(name = "author_id", nullable = false, updatable = false)
    private String authorId;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ChatLine() {
    }

    public ChatLine(Long chatId, int seq, ChatAuthor author, String authorId, String body, Instant createdAt) {
        this.chatId = chatId;
        this.seq = seq;
        this.author = author;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Long id() { return id; }
    public Long chatId() { return chatId; }
    public int seq() { return seq; }
    public ChatAuthor author() { return author; }
    public String authorId() { return authorId; }
    public String body() { return body; }
    public Instant createdAt() { return createdAt; }
}
