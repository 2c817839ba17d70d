package io.okpay.support.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/** The desk's rules from configuration (okpay.support.*; README "Configuration"). */
@ApplicationScoped
public class SupportSettings {

    @Inject
    @ConfigProperty(name = "okpay.support.first-reply-within", defaultValue = "PT24H")
    Duration firstReplyWithin;

    @Inject
    @ConfigProperty(name = "okpay.support.attachment-max-bytes", defaultValue = "5242880")
    long attachmentMaxBytes;

    @Inject
    @ConfigProperty(name = "okpay.support.attachments-per-message", defaultValue = "3")
    int attachmentsPerMessage;

    @Inject
    @ConfigProperty(name = "okpay.support.email")
    Optional<String> supportEmail;

    @Inject
    @ConfigProperty(name = "okpay.operator.support-email")
    String operatorSupportEmail;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "okpay.support.chat.max-length", defaultValue = "1000")
    int chatMaxLength;

    @Inject
    @ConfigProperty(name = "okpay.support.chat.lines-per-minute", defaultValue = "20")
    int chatLinesPerMinute;

    @Inject
    @ConfigProperty(name = "okpay.support.chat.idle-timeout", defaultValue = "PT15M")
    Duration chatIdleTimeout;

    public Duration firstReplyWithin() {
        return firstReplyWithin;
    }

    public long firstReplyHours() {
        return Math.max(1, firstReplyWithin.toHours());
    }

    public long attachmentMaxBytes() {
        return attachmentMaxBytes;
    }

    public int attachmentsPerMessage() {
        return attachmentsPerMessage;
    }

    /** The address people write to, and whose mailbox becomes tickets: okpay.support.email, else the operator's. */
    public String supportEmail() {
        return supportEmail.filter(s -> !s.isBlank()).orElse(operatorSupportEmail).trim();
    }

    public String ticketUrl(String ticketId) {
        return baseUrl.replaceAll("/+$", "") + "/support/ticket.xhtml?id=" + ticketId;
    }

    /** The longest chat line, in characters (code points). */
    public int chatMaxLength() {
        return chatMaxLength;
    }

    /** Lines a person may write per minute in the chat. */
    public int chatLinesPerMinute() {
        return chatLinesPerMinute;
    }

    /** A chat without a new line for this long ends (its transcript becomes a ticket). */
    public Duration chatIdleTimeout() {
        return chatIdleTimeout;
    }
}
