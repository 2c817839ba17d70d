package io.okpay.sandbox.shop;

import io.okpay.checkout.boundary.DemoShop;
import io.okpay.client.ApiException;
import io.okpay.client.model.CheckoutSession;
import io.okpay.shared.faces.PageMessages;
import io.okpay.shared.Messages;
import io.okpay.shared.Money;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.web.RequestFilter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo shop's two pages: /sandbox/shop/ sells one mug (Buy creates a checkout session through OKPay's API and
 * sends the browser to its url), /sandbox/shop/thanks.xhtml?session_id=cs_... asks OKPay how that session is and says
 * paid or not paid. Both answer 404 unless the sandbox is on.
 */
@Named
@RequestScoped
public class DemoShopPage {

    private static final Logger LOG = Logger.getLogger(DemoShopPage.class.getName());
    static final String ITEM_AMOUNT = "12.00";
    static final String ITEM_CURRENCY = "EUR";

    public enum Outcome { PAID, NOT_PAID, EXPIRED, UNKNOWN }

    @EJB
    DemoShop shop;

    @Inject
    ShopClient client;

    private String sessionId;
    private Outcome outcome = Outcome.UNKNOWN;
    private CheckoutSession session;

    /** Both pages: nothing here unless the sandbox is on; the Buy form may end at OKPay's checkout page. */
    public void open() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        if (!shop.enabled()) {
            external.responseSendError(HttpServletResponse.SC_NOT_FOUND, "");
            faces.responseComplete();
            return;
        }
        URI okpay = URI.create(shop.baseUrl());
        RequestFilter.allowFormTargets((HttpServletResponse) external.getResponse(), List.of(okpay.getScheme() + "://"
                + okpay.getHost() + (okpay.getPort() == -1 ? "" : ":" + okpay.getPort())));
    }

    /** Buy: a checkout session for the mug, then off to OKPay's checkout page. */
    public void buy() throws IOException {
        if (!shop.enabled()) {
            return;
        }
        String here = shopAddress();
        try {
            CheckoutSession created = client.createSession(ITEM_AMOUNT, ITEM_CURRENCY,
                    Messages.get(locale(), "sandbox-shop.item.name"), here + "/thanks.xhtml", here + "/");
            FacesContext.getCurrentInstance().getExternalContext().redirect(created.getUrl().toString());
        } catch (ApiException e) {
            LOG.warning(() -> "The demo shop's session was refused: " + e.getCode() + " " + e.getResponseBody());
            PageMessages.error(Messages.get(locale(), "sandbox-shop.unavailable"));
        } catch (ShopClient.Unavailable e) {
            LOG.log(Level.WARNING, "The demo shop could not create a checkout session", e);
            PageMessages.error(Messages.get(locale(), "sandbox-shop.unavailable"));
        }
    }

    /** The thanks page: how OKPay says the session is. */
    public void loadOutcome() throws IOException {
        open();
        if (FacesContext.getCurrentInstance().getResponseComplete() || sessionId == null || sessionId.isBlank()) {
            return;
        }
        try {
            session = client.session(sessionId);
            outcome = switch (session.getStatus()) {
                case COMPLETE -> Outcome.PAID;
                case EXPIRED -> Outcome.EXPIRED;
                default -> Outcome.NOT_PAID;
            };
        } catch (ApiException e) {
            // Unknown, or not this shop's session.
            outcome = Outcome.UNKNOWN;
        } catch (ShopClient.Unavailable e) {
            LOG.log(Level.WARNING, "The demo shop could not read checkout session " + sessionId, e);
            PageMessages.error(Messages.get(locale(), "sandbox-shop.unavailable"));
        }
    }

    /** The shop's own address as the shopper reached it: where OKPay sends them back to. */
    private static String shopAddress() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath() + "/sandbox/shop";
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public String getPriceText() {
        return MoneyFormat.format(new Money(1200, ITEM_CURRENCY, 2), locale());
    }

    public String getPaidText() {
        return session == null ? "" : MoneyFormat.format(Money.parse(session.getAmount(), session.getCurrency(), 2,
                Money.Sign.POSITIVE, "amount"), locale());
    }

    public String getPaymentId() {
        return session == null || session.getPayment() == null ? "" : session.getPayment();
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public Outcome getOutcome() {
        return outcome;
    }
}
