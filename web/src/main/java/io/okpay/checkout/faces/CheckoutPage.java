package io.okpay.checkout.faces;

import io.okpay.checkout.boundary.CheckoutPayments;
import io.okpay.checkout.boundary.CheckoutSessions;
import io.okpay.checkout.boundary.PayQuote;
import io.okpay.checkout.boundary.PaymentView;
import io.okpay.checkout.boundary.SessionView;
import io.okpay.checkout.boundary.SessionStatus;
import io.okpay.fx.boundary.Conversions;
import io.okpay.fx.boundary.FxQuoteView;
import io.okpay.identity.boundary.StepUp;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import io.okpay.shared.faces.StepUpCode;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.AccountStatus;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.web.RequestFilter;
import io.okpay.identity.boundary.StepUpRequired;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * /checkout/pay.xhtml?session=cs_...: what the shop asks for (merchant, amount, description, order reference), then,
 * signed in, one "Pay" from the balance in that currency (with a one-time code when needed), or, when that balance is
 * too small, a conversion from another balance with its quote first. Paying sends the browser to the shop's
 * success_url with ?session_id=; a double click or a reload pays once (the payment is keyed by the session).
 * Expired, paid and unknown sessions each get a clear page.
 */
@Named
@ViewScoped
public class CheckoutPage implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum State { NOT_FOUND, OPEN, PAID, EXPIRED }

    @EJB
    transient CheckoutSessions sessions;

    @EJB
    transient CheckoutPayments payments;

    @EJB
    transient Merchants merchants;

    @EJB
    transient Conversions conversions;

    @EJB
    transient StepUp stepUp;

    @EJB
    transient LedgerAccounts accounts;

    @Inject
    transient CurrentUser currentUser;

    private String sessionId;
    private State state = State.NOT_FOUND;
    private SessionView session;
    private String merchantName;
    private PayQuote quote;
    private boolean refused;
    private final StepUpCode stepUpCode = new StepUpCode();
    private List<String> convertFromCurrencies = List.of();
    private String convertFrom;
    // The conversion quote as shown (its id to convert with): plain texts, as the view is kept in the HTTP session.
    private String fxQuoteId;
    private String fxSellText;
    private String fxFeeText;
    private String fxBuyText;
    private String fxRate;
    private final String conversionKey = UUID.randomUUID().toString();

    /** On the first request of the view: the session as it is now and, for a signed-in person, the quote. */
    public void load() {
        try {
            session = sessions.forCheckout(sessionId);
            merchantName = merchants.require(session.merchantId()).businessName();
        } catch (BusinessException e) {
            state = State.NOT_FOUND;
            return;
        }
        state = switch (session.status()) {
            case OPEN -> State.OPEN;
            case COMPLETE -> State.PAID;
            case EXPIRED -> State.EXPIRED;
        };
        if (state == State.OPEN && currentUser.isSignedIn()) {
            refreshQuote();
        }
    }

    /** Before every render: the shop's return addresses are where this page's forms may end (after paying). */
    public void allowShopTargets() {
        if (session == null) {
            return;
        }
        Set<String> origins = new LinkedHashSet<>();
        origins.add(origin(session.successUrl()));
        origins.add(origin(session.cancelUrl()));
        RequestFilter.allowFormTargets((HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext()
                .getResponse(), origins);
    }

    public void pay() throws IOException {
        try {
            PaymentView paid = payments.pay(currentUser.id(), sessionId, stepUpCode.challengeId(), stepUpCode.takeCode());
            String success = session.successUrl();
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(success + (success.contains("?") ? "&" : "?") + "session_id="
                    + URLEncoder.encode(paid.sessionId(), StandardCharsets.UTF_8));
        } catch (StepUpRequired e) {
            stepUpCode.asked(e, "pay");
        } catch (BusinessException e) {
            PageMessages.show(e, "pay");
            if (!e.code().startsWith("code_")) {
                load();
            }
        }
    }

    /** Sends the code again, so a payer whose message got lost is not stuck. */
    public void resendCode() {
        stepUpCode.resend(challenge -> stepUp.sendAgain(currentUser.id(), challenge, payments.operation(sessionId)), "pay");
    }

    /** A quote for converting what is missing from the chosen balance; shown before anything moves. */
    public void quoteConversion() {
        try {
            FxQuoteView fx = conversions.quote(currentUser.id(), convertFrom, session.amount().currency(), null,
                    quote.shortfall().toDecimal());
            fxQuoteId = fx.id();
            fxSellText = format(fx.total());
            fxFeeText = format(fx.fee());
            fxBuyText = format(fx.buy());
            fxRate = fx.rate();
        } catch (BusinessException e) {
            fxQuoteId = null;
            PageMessages.show(e, "convert");
        }
    }

    /** Converts as quoted, then pays (asking for a one-time code first when the payment needs one). */
    public void convertAndPay() throws IOException {
        String quoteId = fxQuoteId;
        fxQuoteId = null;
        try {
            conversions.convert(currentUser.id(), conversionKey + ":" + quoteId, quoteId);
        } catch (BusinessException e) {
            PageMessages.show(e, "convert");
            return;
        }
        refreshQuote();
        pay();
    }

    private void refreshQuote() {
        refused = false;
        try {
            quote = payments.quote(currentUser.id(), sessionId);
        } catch (BusinessException e) {
            refused = true;
            PageMessages.show(e, "pay");
            return;
        }
        String currency = session.amount().currency();
        convertFromCurrencies = accounts.accountsOf(OwnerType.USER, currentUser.id(), Purpose.WALLET).stream()
                .filter(a -> !a.currency().equals(currency) && a.available() > 0 && a.status() == AccountStatus.ACTIVE)
                .map(AccountSnapshot::currency).sorted().toList();
        if (convertFrom == null && !convertFromCurrencies.isEmpty()) {
            convertFrom = convertFromCurrencies.get(0);
        }
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private static String format(Money money) {
        return MoneyFormat.format(money, locale());
    }

    /** The sign-in page, coming back here afterwards. */
    public String getSignInUrl() {
        return "/signin.xhtml?return=" + URLEncoder.encode("/checkout/pay.xhtml?session=" + sessionId, StandardCharsets.UTF_8);
    }

    /** The shop's success page for a session already paid: the payer may go back to it. */
    public String getReturnUrl() {
        String success = session.successUrl();
        return success + (success.contains("?") ? "&" : "?") + "session_id=" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8);
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

    public SessionView getSession() {
        return session;
    }

    public String getMerchantName() {
        return merchantName;
    }

    public String getAmountText() {
        return session == null ? "" : format(session.amount());
    }

    public boolean isCanPay() {
        return state == State.OPEN && quote != null && !refused && quote.enoughBalance();
    }

    public boolean isCanConvert() {
        return state == State.OPEN && quote != null && !refused && !quote.enoughBalance() && !convertFromCurrencies.isEmpty();
    }

    public boolean isTooLittle() {
        return state == State.OPEN && quote != null && !refused && !quote.enoughBalance();
    }

    public String getAvailableText() {
        return quote == null ? "" : format(quote.available());
    }

    public String getShortfallText() {
        return quote == null ? "" : format(quote.shortfall());
    }

    public StepUpCode getStepUpCode() {
        return stepUpCode;
    }

    public List<String> getConvertFromCurrencies() {
        return convertFromCurrencies;
    }

    public String getConvertFrom() {
        return convertFrom;
    }

    public void setConvertFrom(String convertFrom) {
        this.convertFrom = convertFrom;
    }

    public boolean isFxQuoted() {
        return fxQuoteId != null;
    }

    public String getFxSellText() {
        return fxSellText;
    }

    public String getFxBuyText() {
        return fxBuyText;
    }

    public String getFxFeeText() {
        return fxFeeText;
    }

    public String getFxRate() {
        return fxRate;
    }
}
