package io.okpay.merchant.boundary;

import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.notification.boundary.Mail;
import io.okpay.notification.boundary.Outbox;
import io.okpay.notification.boundary.OutboxPriority;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;

/**
 * Compliance's back office for merchants: the queue of profiles in a status, and decisions (approve, reject, suspend),
 * each audited by {@link Merchants#decide} and told to the owner by e-mail in their language. The container checks
 * the COMPLIANCE role here, whether the call comes from the API or from a page.
 */
@Stateless
@RolesAllowed("COMPLIANCE")
public class MerchantReviews {

    @EJB
    Merchants merchants;

    @EJB
    Users users;

    @EJB
    Outbox outbox;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String baseUrl;

    public List<MerchantView> inStatus(MerchantStatus status, String after, int limit) {
        return merchants.inStatus(status, after, limit);
    }

    public MerchantView decide(String merchantId, MerchantStatus decision) {
        MerchantView decided = merchants.decide(context.getCallerPrincipal().getName(), merchantId, decision);
        UserView owner = users.require(decided.ownerId());
        String template = "merchant-" + decision.name().toLowerCase(Locale.ROOT);
        // A decision is news, not a code someone is waiting for at a screen: it queues behind urgent mail.
        outbox.enqueue(Mail.EVENT_TYPE, Mail.payload(owner.email(), owner.locale(), template, owner.displayName(),
                decided.businessName(), dashboard()), OutboxPriority.NORMAL);
        return decided;
    }

    private String dashboard() {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/merchant/dashboard.xhtml";
    }
}
