package io.okpay.support.control;

import io.okpay.notification.boundary.Mail;
import io.okpay.shared.Messages;
import io.okpay.shared.TimeZones;
import io.okpay.support.entity.Ticket;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The desk's e-mails, in the person's language, through the outbox (sent once the change commits): the
 * acknowledgement of every new ticket and every reply of the desk. Their subjects carry the ticket's number in
 * brackets, and replies go to the support address, so that an answer by e-mail threads back into the ticket.
 */
@ApplicationScoped
public class SupportMails {

    @EJB
    Mail mail;

    @Inject
    SupportSettings settings;

    public void acknowledge(Ticket ticket, String name, ZoneId zone) {
        Locale locale = locale(ticket);
        mail.sendReplyTo(ticket.requesterEmail(), settings.supportEmail(), locale, "support-received",
                ticket.publicId(), ticket.subject(), name, Long.toString(settings.firstReplyHours()),
                TimeZones.format(ticket.firstReplyDueAt(), zone, locale), settings.ticketUrl(ticket.publicId()),
                settings.supportEmail());
    }

    public void reply(Ticket ticket, String name, String body) {
        mail.sendReplyTo(ticket.requesterEmail(), settings.supportEmail(), locale(ticket), "support-reply",
                ticket.publicId(), ticket.subject(), name, body, settings.ticketUrl(ticket.publicId()),
                settings.supportEmail());
    }

    private static Locale locale(Ticket ticket) {
        return Messages.supported(Locale.forLanguageTag(ticket.locale()));
    }
}
