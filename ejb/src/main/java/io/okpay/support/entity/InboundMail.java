package io.okpay.support.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An e-mail read from the support mailbox, by the SHA-256 of its Message-ID (unique: read once, by any instance). */
@Entity
@Table(name = "support_inbound_mail")
public class InboundMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_key", nullable = false, updatable = false, length = 64, columnDefinition = "char(64)")
    private String messageKey;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private Long ticketId;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected InboundMail() {
    }

    public InboundMail(String messageKey, Long ticketId, Instant receivedAt) {
        this.messageKey = messageKey;
        this.ticketId = ticketId;
        this.receivedAt = receivedAt;
    }
}
