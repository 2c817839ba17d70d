package io.okpay.fx.faces;

import io.okpay.identity.boundary.StepUp;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.shared.faces.StepUpCode;
import io.okpay.currency.boundary.Currencies;
import io.okpay.fx.boundary.Conversions;
import io.okpay.fx.boundary.FxConversionView;
import io.okpay.fx.boundary.FxQuoteView;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.MoneyForm;
import io.okpay.shared.faces.PageMessages;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.faces.PreferredCurrency;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * /fx/convert.xhtml in three steps on one view: currencies and amount; the quote (rate, fee, both amounts, a countdown
 * to its expiry) with one button; the result with the reference. Each quote gets a new idempotency key, carried in a
 * hidden field, so a double submit converts once.
 */
@Named
@ViewScoped
public class ConvertPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Conversions conversions;

    @EJB
    transient Currencies currencies;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient PreferredCurrency preferredCurrency;

    @EJB
    transient StepUp stepUp;

    private final MoneyForm form = new MoneyForm("convert");
    private final StepUpCode stepUpCode = new StepUpCode();
    private String sellCurrency;
    private String buyCurrency;
    private String side = "sell";
    private String quoteId;
    private String buyText;
    private String rate;
    private Instant expiresAt;
    private boolean expired;
    private String reference;

    /** Selling what the person holds most of, buying euros (or dollars when that is euros). */
    @PostConstruct
    void start() {
        sellCurrency = preferredCurrency.code();
        buyCurrency = "EUR".equals(sellCurrency) ? "USD" : "EUR";
    }

    public List<String> getCurrencies() {
        return currencies.enabledCodes();
    }

    /** Form -> quote. Amount errors of either side belong to the one amount field of the form. */
    public String quote() {
        try {
            boolean selling = !"buy".equals(side);
            FxQuoteView quote = conversions.quote(currentUser.id(), sellCurrency, buyCurrency,
                    selling ? form.getAmount() : null, selling ? null : form.getAmount(),
                    stepUpCode.challengeId(), stepUpCode.takeCode());
            stepUpCode.reset();
            quoteId = quote.id();
            form.newKey();
            form.priced(quote.sell(), quote.fee(), quote.total());
            buyText = MoneyFormat.format(quote.buy(), locale());
            rate = quote.rate();
            expiresAt = quote.expiresAt();
            expired = false;
            form.moveTo(MoneyForm.Step.CONFIRM);
        } catch (StepUpRequired e) {
            form.moveTo(MoneyForm.Step.FORM);
            stepUpCode.asked(e, "convert");
        } catch (BusinessException e) {
            form.moveTo(MoneyForm.Step.FORM);
            if ("step_up_mismatch".equals(e.code())) {
                // The amount or the currencies changed since the code was sent: the next quote asks for a new one.
                stepUpCode.reset();
            }
            PageMessages.show(e, "convert", field -> field.endsWith("_amount") ? "amount" : field);
        }
        return null;
    }

    /** Sends the code again, for a person whose message got lost (a new one when the old one is spent). */
    public String resendCode() {
        stepUpCode.resend(challenge -> {
            stepUp.resend(currentUser.id(), challenge);
            return challenge;
        }, "convert");
        return null;
    }

    public StepUpCode getStepUpCode() {
        return stepUpCode;
    }

    /** Quote -> result; an expired quote stays on the page and asks for a new one. */
    public String confirm() {
        try {
            FxConversionView done = conversions.convert(currentUser.id(), form.getKey(), quoteId);
            reference = done.id();
            form.moveTo(MoneyForm.Step.DONE);
        } catch (BusinessException e) {
            expired = "quote_expired".equals(e.code());
            PageMessages.error(Messages.get(locale(), expired ? "fx.confirm.expired" : "error." + e.code(), e.args()));
        }
        return null;
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** Whole seconds the quote still holds, for the countdown's first value. */
    public long getSecondsLeft() {
        return expiresAt == null ? 0 : Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds());
    }

    public String getExpiresAt() {
        return expiresAt == null ? "" : expiresAt.toString();
    }

    public MoneyForm getForm() {
        return form;
    }

    public String getSellCurrency() {
        return sellCurrency;
    }

    public void setSellCurrency(String sellCurrency) {
        this.sellCurrency = sellCurrency;
    }

    public String getBuyCurrency() {
        return buyCurrency;
    }

    public void setBuyCurrency(String buyCurrency) {
        this.buyCurrency = buyCurrency;
    }

    public String getSide() {
        return side;
    }

    public void setSide(String side) {
        this.side = side;
    }

    public String getBuyText() {
        return buyText;
    }

    public String getRate() {
        return rate;
    }

    public boolean isExpired() {
        return expired;
    }

    public String getReference() {
        return reference;
    }
}
