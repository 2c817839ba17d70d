package io.okpay.notification.boundary;

import io.okpay.shared.JsonBuilders;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.Locale;

/**
 * Queues an e-mail. It is sent after the caller's transaction commits (and only if it commits), over SMTP, in the
 * recipient's language, as HTML and plain text. A template is two bundle keys per language:
 * {@code mail.<template>.subject} and {@code mail.<template>.body}, MessageFormat patterns over the given arguments;
 * a blank line separates paragraphs, and URLs become links in the HTML part.
 */
@Stateless
public class Mail {

    public static final String EVENT_TYPE = "mail";
    /** The payload member naming the arguments to blank after delivery. */
    public static final String SECRET = "secret";
    /** The payload member naming where answers to the mail go, when not to the sender address. */
    public static final String REPLY_TO = "reply_to";

    @EJB
    Outbox outbox;

    /**
     * Mail sent this way is someone waiting at a screen (a code, a confirmation link, a security notice): it goes out
     * ahead of receipts, which travel as a posting's effects.
     */
    public void send(String to, Locale locale, String template, String... args) {
        outbox.enqueue(EVENT_TYPE, payload(to, locale, template, args), OutboxPriority.URGENT);
    }

    /**
     * As {@link #send}, with a Reply-To address: an answer to the mail goes there (the support desk's mailbox, say)
     * instead of to the sender address.
     */
    public void sendReplyTo(String to, String replyTo, Locale locale, String template, String... args) {
        outbox.enqueue(EVENT_TYPE, message(to, locale, template, args).add(REPLY_TO, replyTo).build().toString(),
                OutboxPriority.URGENT);
    }

    /**
     * The same, for a mail whose argument at {@code secret} opens something (a one-time code, a reset or verification
     * link): the outbox blanks it once the mail is delivered, and keeps the rest as the record that it was sent.
     */
    public void sendSecret(String to, Locale locale, String template, int secret, String... args) {
        outbox.enqueue(EVENT_TYPE, secretPayload(to, locale, template, secret, args), OutboxPriority.URGENT);
    }

    /** The outbox payload of {@link #sendSecret}: {@link #payload}'s, naming the secret argument. */
    public static String secretPayload(String to, Locale locale, String template, int secret, String... args) {
        return message(to, locale, template, args).add(SECRET, JsonBuilders.JSON.createArrayBuilder().add(secret))
                .build().toString();
    }

    /**
     * The outbox payload of this e-mail, without queuing it: for changes that write their outbox events themselves,
     * like a ledger posting's effects ({@code PostingRequest.Effect.mail(...)}).
     */
    public static String payload(String to, Locale locale, String template, String... args) {
        return message(to, locale, template, args).build().toString();
    }

    private static JsonObjectBuilder message(String to, Locale locale, String template, String... args) {
        JsonArrayBuilder values = JsonBuilders.JSON.createArrayBuilder();
        for (String arg : args) {
            values.add(arg == null ? "" : arg);
        }
        return JsonBuilders.JSON.createObjectBuilder()
                .add("to", to)
                .add("locale", locale.toLanguageTag())
                .add("template", template)
                .add("args", values);
    }
}
