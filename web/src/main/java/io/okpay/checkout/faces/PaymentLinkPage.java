package io.okpay.checkout.faces;

import io.okpay.checkout.boundary.CheckoutSessions;
import io.okpay.checkout.boundary.PaymentLinkStatus;
import io.okpay.checkout.boundary.PaymentLinkView;
import io.okpay.checkout.boundary.PaymentLinks;
import io.okpay.checkout.boundary.SessionStatus;
import io.okpay.checkout.boundary.SessionView;
import io.okpay.shared.BusinessException;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.faces.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * /checkout/link.xhtml?id=plink_...: a merchant's payment link as anyone sees it (shop, what for, the amount or a field
 * for an open amount, a QR code of this page), and one button that starts the payer's own checkout session and sends
 * them to the usual checkout page. A link that no longer takes payments says why; coming back from checkout
 * (?session_id=) with the payment made says thank you.
 */
@Named
@ViewScoped
public class PaymentLinkPage implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum State { NOT_FOUND, ACTIVE, ENDED, PAID }

    @EJB
    transient PaymentLinks links;

    @EJB
    transient CheckoutSessions sessions;

    private String linkId;
    private String sessionId;
    private State state = State.NOT_FOUND;
    private PaymentLinkView link;
    private String amount;
    // A double click starts one session: the key is made with the page and sent with the form.
    private String key = UUID.randomUUID().toString();

    public void load() {
        try {
            link = links.forPage(linkId);
        } catch (BusinessException e) {
            state = State.NOT_FOUND;
            return;
        }
        state = link.status() == PaymentLinkStatus.ACTIVE ? State.ACTIVE : State.ENDED;
        if (sessionId != null && !sessionId.isBlank()) {
            try {
                SessionView session = sessions.forCheckout(sessionId);
                if (session.status() == SessionStatus.COMPLETE
                        && linkId.equals(session.metadata().get(PaymentLinks.METADATA_KEY))) {
                    state = State.PAID;
                }
            } catch (BusinessException e) {
                // An unknown session id in the address: the link's page as it is.
            }
        }
    }

    /** Starts the payer's checkout session for the link and sends them to its page. */
    public void pay() throws IOException {
        try {
            SessionView session = links.checkout(linkId, key, amount);
            // The checkout page on this page's own origin (what the form may lead to under the CSP's form-action).
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/checkout/pay.xhtml?session="
                    + URLEncoder.encode(session.id(), StandardCharsets.UTF_8));
        } catch (BusinessException e) {
            PageMessages.show(e, "pay");
            key = UUID.randomUUID().toString();
            load();
        }
    }

    /** The words for why an ended link takes no payments. */
    public String getEndedKey() {
        return link == null ? "" : "paylink.page.ended." + link.status().name().toLowerCase(Locale.ROOT);
    }

    public String getAmountText() {
        return link == null || link.amount() == null ? "" : MoneyFormat.format(link.amount(), locale());
    }

    /** "0.01" for two decimals, "1" for none: the smallest amount the open-amount field takes, as a step. */
    public String getAmountStep() {
        return link == null || link.exponent() == 0 ? "1" : "0." + "0".repeat(link.exponent() - 1) + "1";
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public String getLinkId() {
        return linkId;
    }

    public void setLinkId(String linkId) {
        this.linkId = linkId;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public State getState() {
        return state;
    }

    public PaymentLinkView getLink() {
        return link;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
