package io.okpay.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/** Sends e-mail over SMTP, configured from MicroProfile Config (SMTP_HOST, SMTP_PORT, SMTP_USERNAME, ...). */
@ApplicationScoped
public class Mailer {

    @Inject
    @ConfigProperty(name = "smtp.host")
    String host;

    @Inject
    @ConfigProperty(name = "smtp.port")
    int port;

    @Inject
    @ConfigProperty(name = "smtp.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "smtp.starttls", defaultValue = "false")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "smtp.from")
    String from;

    private Session session;

    /** Kept open between the mails of one outbox pass: a connection (and its greeting) per mail cost as much as the mail. */
    private Transport connection;

    @PostConstruct
    void configure() {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        props.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        props.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        props.put("mail.smtp.auth", Boolean.toString(username.isPresent()));
        Authenticator authenticator = username.isPresent() ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username.get(), password.orElse(""));
            }
        } : null;
        session = Session.getInstance(props, authenticator);
    }

    /**
     * A dead SMTP server opens the circuit: the outbox keeps the mail and tries again later instead of piling up. No
     * Fault Tolerance timeout: the connect, read and write timeouts above bound every step already, and a @Timeout
     * hands each mail to a managed executor, whose context capture cost more CPU than rendering the mail.
     */
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public void send(String to, String replyTo, RenderedMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        if (replyTo != null && !replyTo.isBlank()) {
            message.setReplyTo(InternetAddress.parse(replyTo, true));
        }
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());

        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(mail.html(), "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        synchronized (this) {
            try {
                if (connection == null || !connection.isConnected()) {
                    connection = session.getTransport("smtp");
                    connection.connect();
                }
                connection.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException | RuntimeException e) {
                // The server may have dropped the connection: the next mail starts on a new one.
                disconnect();
                throw e;
            }
        }
    }

    /** Closes the connection kept since the first mail of this pass, if any. */
    public synchronized void disconnect() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (MessagingException e) {
            // Nothing left to send over it; a QUIT that fails changes nothing.
        }
        connection = null;
    }
}
