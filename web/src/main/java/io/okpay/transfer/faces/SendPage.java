package io.okpay.transfer.faces;

import io.okpay.currency.boundary.Currencies;
import io.okpay.currency.entity.Currency;
import io.okpay.identity.boundary.StepUp;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import io.okpay.shared.BusinessException;
import io.okpay.shared.MoneyFormat;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.transfer.boundary.SendMoney;
import io.okpay.transfer.boundary.StepUpAnswer;
import io.okpay.transfer.boundary.TransferQuote;
import io.okpay.transfer.boundary.TransferView;
import io.okpay.transfer.boundary.Transfers;
import io.okpay.shared.faces.PreferredCurrency;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * /transfer/send.xhtml in three steps on one view: the form; the confirmation naming the recipient as registered,
 * amount, fee and total (with a one-time code field when needed); the result with the reference. The idempotency key
 * is made when the form is first shown and travels in a hidden field, so a double submit posts once.
 */
@Named
@ViewScoped
public class SendPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> FORM_FIELDS = Set.of("to", "amount", "currency", "note");

    public enum Step { FORM, CONFIRM, DONE }

    @EJB
    transient Transfers transfers;

    @EJB
    transient StepUp stepUp;

    @EJB
    transient Currencies currencies;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient PreferredCurrency preferredCurrency;

    private Step step = Step.FORM;
    private String key = UUID.randomUUID().toString();
    private String to;
    private String amount;
    private String currency;
    private String note;
    private String challengeId;
    private String code;
    private boolean stepUpRequired;
    private String recipientName;
    private String recipientEmail;
    private String amountText;
    private String feeText;
    private String totalText;
    private String reference;
    private int claimDays;

    /** The form starts in the currency the person holds most of, or the one of their country. */
    @PostConstruct
    void start() {
        currency = preferredCurrency.code();
    }

    public List<String> getCurrencies() {
        return currencies.enabled().stream().map(Currency::code).sorted().toList();
    }

    /** Form -> confirmation: checks everything, names the recipient, and sends a code when one will be needed. */
    public String review() {
        try {
            TransferQuote quote = transfers.quote(order());
            Locale locale = locale();
            recipientName = quote.toEscrow() ? quote.recipientEmail() : quote.recipientName();
            claimDays = quote.claimDays();
            recipientEmail = quote.recipientEmail();
            amountText = MoneyFormat.format(quote.amount(), locale);
            feeText = MoneyFormat.format(quote.fee(), locale);
            totalText = MoneyFormat.format(quote.total(), locale);
            note = quote.note();
            stepUpRequired = quote.stepUpRequired();
            if (stepUpRequired && challengeId == null) {
                challengeId = stepUp.begin(currentUser.id(), Transfers.STEP_UP_ACTION);
            }
            step = Step.CONFIRM;
        } catch (BusinessException e) {
            PageMessages.show(e, "send");
        }
        return null;
    }

    /** Confirmation -> result. Field problems found only now (the balance changed meanwhile) go back to the form. */
    public String confirm() {
        try {
            TransferView sent = transfers.send(key, order(), new StepUpAnswer(challengeId, code));
            reference = sent.id();
            step = Step.DONE;
        } catch (StepUpRequired e) {
            challengeId = e.challengeId();
            stepUpRequired = true;
            PageMessages.show(e, "confirm");
        } catch (BusinessException e) {
            boolean formProblem = e.fieldErrors().stream().anyMatch(f -> FORM_FIELDS.contains(f.field()));
            if (formProblem || "insufficient_funds".equals(e.code())) {
                step = Step.FORM;
            }
            PageMessages.show(e, formProblem ? "send" : "confirm");
        }
        code = null;
        return null;
    }

    /** Sends the code again; the field is emptied, as only the new code works now. */
    public String resendCode() {
        code = null;
        try {
            challengeId = stepUp.sendAgain(currentUser.id(), challengeId, Transfers.STEP_UP_ACTION);
            PageMessages.info("code.resent");
        } catch (BusinessException e) {
            PageMessages.show(e, "confirm");
        }
        return null;
    }

    public String back() {
        step = Step.FORM;
        return null;
    }

    private SendMoney order() {
        return new SendMoney(currentUser.id(), to, amount, currency, note);
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public Step getStep() {
        return step;
    }

    public String getKey() {
        return key;
    }

    /** Comes back from the hidden field; a form of this view always carries the key it was given. */
    public void setKey(String key) {
        if (key != null && !key.isBlank()) {
            this.key = key;
        }
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount == null ? null : amount.trim();
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public boolean isStepUpRequired() {
        return stepUpRequired;
    }

    public String getRecipientName() {
        return recipientName;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public String getAmountText() {
        return amountText;
    }

    public String getFeeText() {
        return feeText;
    }

    public String getTotalText() {
        return totalText;
    }

    /** Days an invited recipient has to claim the money; 0 when the recipient already has an account. */
    public int getClaimDays() {
        return claimDays;
    }

    public String getReference() {
        return reference;
    }
}
