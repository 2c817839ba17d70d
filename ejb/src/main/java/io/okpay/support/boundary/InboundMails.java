package io.okpay.support.boundary;

import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.Messages;
import io.okpay.shared.PublicIds;
import io.okpay.shared.TimeZones;
import io.okpay.support.control.AttachmentVault;
import io.okpay.support.control.SupportMails;
import io.okpay.support.control.SupportSettings;
import io.okpay.support.control.TicketRecords;
import io.okpay.support.entity.InboundMail;
import io.okpay.support.entity.Ticket;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an e-mail to the support address into a ticket, or into a message of the ticket whose number its subject
 * carries when it comes from that ticket's address (a reply to the desk's e-mail). Each e-mail in a transaction of
 * its own; its key is unique, so an e-mail read by two instances counts once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class InboundMails {

    private static final Pattern TICKET = Pattern.compile("\\b(tkt_[0-9a-z]{20})\\b");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}]");

    @EJB
    Users users;

    @Inject
    TicketRecords records;

    @Inject
    AttachmentVault vault;

    @Inject
    SupportMails mails;

    @Inject
    SupportSettings settings;

    /** The ticket the e-mail went to. */
    public String accept(InboundMessage mail) {
        Instant now = Instant.now();
        String body = mail.text() == null || mail.text().isBlank() ? "-" : mail.text();
        body = body.length() > TicketRecords.MESSAGE_MAX ? body.substring(0, TicketRecords.MESSAGE_MAX) : body;
        body = TicketRecords.text(body, "message", TicketRecords.MESSAGE_MAX, true);
        List<AttachmentVault.Checked> files = vault.acceptable(mail.uploads());
        Optional<Ticket> thread = threadOf(mail);
        Ticket ticket;
        if (thread.isPresent()) {
            ticket = thread.get();
            records.add(ticket, MessageKind.CUSTOMER, ticket.userId(), Channel.EMAIL, body, files, now);
            ticket.customerWrote(now);
        } else {
            Optional<UserView> user = users.findByEmailOrUsername(mail.from());
            Locale locale = user.map(UserView::locale)
                    .orElse(CJK.matcher(mail.subject() + body).find() ? Messages.SIMPLIFIED_CHINESE : Messages.ENGLISH);
            String subject = mail.subject() == null || mail.subject().isBlank()
                    ? Messages.get(locale, "support.no-subject") : mail.subject();
            subject = subject.length() > TicketRecords.SUBJECT_MAX ? subject.substring(0, TicketRecords.SUBJECT_MAX) : subject;
            subject = TicketRecords.text(subject, "subject", TicketRecords.SUBJECT_MAX, false);
            ticket = new Ticket(PublicIds.newId("tkt"), user.map(UserView::id).orElse(null), mail.from(),
                    locale.toLanguageTag(), TicketCategory.OTHER, subject, Channel.EMAIL, null, now,
                    now.plus(settings.firstReplyWithin()));
            records.em().persist(ticket);
            records.em().flush();
            records.add(ticket, MessageKind.CUSTOMER, ticket.userId(), Channel.EMAIL, body, files, now);
            mails.acknowledge(ticket, user.map(UserView::displayName).orElse(mail.from()),
                    user.map(UserView::timeZone).orElse(TimeZones.UTC));
        }
        int refused = mail.uploads().size() - files.size();
        if (refused > 0) {
            records.add(ticket, MessageKind.NOTE, null, Channel.EMAIL,
                    Messages.get(Messages.ENGLISH, "support.note.refused-files", refused), List.of(), now);
        }
        records.em().persist(new InboundMail(mail.key(), ticket.id(), now));
        records.em().flush();
        return ticket.publicId();
    }

    /** Whether an e-mail with this key was taken already (by this instance or another). */
    public boolean seen(String key) {
        return !records.em().createQuery("SELECT 1 FROM InboundMail m WHERE m.messageKey = :key")
                .setParameter("key", key).setMaxResults(1).getResultList().isEmpty();
    }

    /** The open ticket named in the subject, when the e-mail comes from the ticket's own address. */
    private Optional<Ticket> threadOf(InboundMessage mail) {
        Matcher number = TICKET.matcher(mail.subject() == null ? "" : mail.subject());
        if (!number.find()) {
            return Optional.empty();
        }
        return records.lock(number.group(1))
                .filter(t -> t.requesterEmail().equalsIgnoreCase(mail.from()))
                .filter(t -> t.status() != TicketStatus.CLOSED);
    }
}
