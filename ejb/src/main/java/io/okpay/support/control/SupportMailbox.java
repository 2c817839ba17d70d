package io.okpay.support.control;

import io.okpay.shared.crypto.Secrets;
import io.okpay.support.boundary.InboundMails;
import io.okpay.support.boundary.InboundMessage;
import io.okpay.support.boundary.Upload;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the support mailbox over IMAP (okpay.support.imap.*; off while no host is set) every poll interval on every
 * instance, outside any transaction: each e-mail becomes a ticket or a message of one ({@link InboundMails}, in a
 * transaction of its own), and is then deleted from the mailbox. Two instances reading the same e-mail are safe: its
 * key (Message-ID) is unique in the database, so the second finds it taken and only deletes it. An e-mail that could
 * not be taken stays in the mailbox for the next pass.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SupportMailbox {

    private static final Logger LOG = Logger.getLogger(SupportMailbox.class.getName());
    private static final int BATCH = 50;

    @Inject
    @ConfigProperty(name = "okpay.support.imap.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "okpay.support.imap.port", defaultValue = "993")
    int port;

    @Inject
    @ConfigProperty(name = "okpay.support.imap.ssl", defaultValue = "true")
    boolean ssl;

    @Inject
    @ConfigProperty(name = "okpay.support.imap.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "okpay.support.imap.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "okpay.support.imap.poll-interval", defaultValue = "PT30S")
    Duration pollInterval;

    @Inject
    SupportSettings settings;

    @EJB
    InboundMails inbound;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant nextPoll = Instant.EPOCH;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        if (host.filter(h -> !h.isBlank()).isEmpty() || Instant.now().isBefore(nextPoll)
                || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            poll();
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Reading the support mailbox failed; will try again", e);
        } finally {
            nextPoll = Instant.now().plus(pollInterval);
            running.set(false);
        }
    }

    private void poll() throws MessagingException {
        String protocol = ssl ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "10000");
        props.put("mail." + protocol + ".writetimeout", "10000");
        Session session = Session.getInstance(props);
        try (Store store = session.getStore(protocol)) {
            store.connect(host.get(), port, username.filter(u -> !u.isBlank()).orElse(settings.supportEmail()),
                    password.orElse(""));
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                Message[] waiting = inbox.search(new FlagTerm(new Flags(Flags.Flag.DELETED), false));
                for (int i = 0; i < Math.min(BATCH, waiting.length); i++) {
                    take(waiting[i]);
                }
            } finally {
                inbox.close(true);
            }
        }
    }

    /** Into a ticket, then out of the mailbox; left there (for the next pass) when that failed. */
    private void take(Message message) throws MessagingException {
        InboundMessage mail;
        try {
            mail = read(message);
        } catch (IOException | MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "An e-mail in the support mailbox cannot be read; it stays there", e);
            return;
        }
        if (mail == null) {
            message.setFlag(Flags.Flag.DELETED, true);
            return;
        }
        try {
            inbound.accept(mail);
        } catch (RuntimeException e) {
            if (!inbound.seen(mail.key())) {
                LOG.log(Level.WARNING, "An e-mail to support could not become a ticket; it stays in the mailbox", e);
                return;
            }
        }
        message.setFlag(Flags.Flag.DELETED, true);
    }

    /** The e-mail as the desk needs it; null for one to drop (no sender, or sent by OKPay's own support address). */
    InboundMessage read(Message message) throws MessagingException, IOException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)
                || sender.getAddress() == null || sender.getAddress().equalsIgnoreCase(settings.supportEmail())) {
            return null;
        }
        String[] ids = message.getHeader("Message-ID");
        String key = ids != null && ids.length > 0 && !ids[0].isBlank() ? Secrets.sha256(ids[0].trim())
                : Secrets.sha256(raw(message));
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        List<Upload> files = new ArrayList<>();
        walk(message, text, html, files);
        String body = text.length() > 0 ? text.toString() : html.toString().replaceAll("(?s)<[^>]*>", " ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return new InboundMessage(key, sender.getAddress().toLowerCase(java.util.Locale.ROOT), message.getSubject(),
                MailText.newPart(body), files);
    }

    private static void walk(Part part, StringBuilder text, StringBuilder html, List<Upload> files)
            throws MessagingException, IOException {
        String disposition = part.getDisposition();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, text, html, files);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || part.getFileName() != null) {
            files.add(new Upload(part.getFileName(), part.getInputStream().readAllBytes()));
        } else if (part.isMimeType("text/plain") && text.length() == 0) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html") && html.length() == 0) {
            html.append(part.getContent());
        }
    }

    private static byte[] raw(Message message) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot read the e-mail", e);
        }
        return out.toByteArray();
    }
}
