package io.okpay.payout.control;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.currency.boundary.Currencies;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.notification.boundary.Mail;
import io.okpay.payout.boundary.PayoutView;
import io.okpay.payout.entity.Payout;
import io.okpay.payout.boundary.PayoutStatus;
import io.okpay.shared.MoneyFormat;
import io.okpay.webhook.boundary.WebhookEvents;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Ends a settlement after its ledger step: the status, and in the same transaction what tells people about it (the
 * owner's e-mail, a merchant's webhook event, the operator's audit record). The update is conditional on the
 * settlement still being in progress, so a repeated or concurrent finish tells nobody twice.
 */
@Stateless
public class PayoutOutcomes {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    Users users;

    @EJB
    Merchants merchants;

    @EJB
    Mail mail;

    @EJB
    WebhookEvents webhookEvents;

    @EJB
    AuditLog auditLog;

    @Inject
    Currencies currencies;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long id, PayoutStatus during, PayoutStatus done, String transactionId) {
        int changed = em.createNamedQuery(Payout.FINISH).setParameter("done", done)
                .setParameter("transactionId", transactionId)
                .setParameter("at", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter("id", id).setParameter("during", during).executeUpdate();
        if (changed == 0) {
            return;
        }
        Payout payout = em.find(Payout.class, id);
        PayoutView view = PayoutView.of(payout, currencies.exponent(payout.currency()), false);
        if (done != PayoutStatus.CANCELLED) {
            auditLog.record(payout.decidedBy(), "PAYOUT_" + done.name(), "-", payout.publicId());
        }
        UserView owner = users.require(payout.ownerType() == OwnerType.MERCHANT
                ? merchants.require(payout.ownerId()).ownerId() : payout.ownerId());
        String amount = MoneyFormat.format(view.amount(), owner.locale());
        String template = switch (done) {
            case PAID -> "payout-paid";
            case FAILED -> PayoutSchedule.SYSTEM.equals(payout.decidedBy()) ? "payout-lapsed" : "payout-failed";
            default -> "payout-cancelled";
        };
        mail.send(owner.email(), owner.locale(), template, owner.displayName(), amount, view.ibanMasked(),
                payout.accountHolder(), payout.publicId(), payout.failureReason() == null ? "-" : payout.failureReason());
        if (payout.ownerType() == OwnerType.MERCHANT && done != PayoutStatus.CANCELLED) {
            String type = done == PayoutStatus.PAID ? "payout.paid" : "payout.failed";
            webhookEvents.publish(WebhookEvents.eventId(type, payout.publicId()), payout.ownerId(), type, view.json());
        }
    }
}
