package io.okpay.support.boundary;

import java.util.List;

/**
 * An e-mail read from the support mailbox: {@code key} identifies it (the SHA-256 of its Message-ID), {@code from}
 * the sender's address, {@code text} the new text of it (quoted earlier mail removed), and its files.
 */
public record InboundMessage(String key, String from, String subject, String text, List<Upload> uploads) {

    public InboundMessage {
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }
}
