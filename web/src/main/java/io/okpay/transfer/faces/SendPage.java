package io.okpay.transfer.faces;

import io.okpay.currency.boundary.Currencies;
import io.okpay.identity.boundary.StepUp;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.MoneyForm;
import io.okpay.shared.faces.StepUpCode;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.transfer.boundary.SendMoney;
import io.okpay.transfer.boundary.StepUpAnswer;
import io.okpay.transfer.boundary.TransferQuote;
import io.okpay.transfer.boundary.TransferView;
import io.okpay.transfer.boundary.Transfers;
import io.okpay.shared.faces.PreferredCurrency;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

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

    private final MoneyForm form = new MoneyForm("send");
    private final StepUpCode stepUpCode = new StepUpCode();
    private String to;
    private String note;
    private String recipientName;
    private String recipientEmail;
    private String reference;
    private int claimDays;

    /** The form starts in the currency the person holds most of, or the one of their country. */
    @PostConstruct
    void start() {
        form.setCurrency(preferredCurrency.code());
    }

    public List<String> getCurrencies() {
        return currencies.enabledCodes();
    }

    /** Form -> confirmation: checks everything, names the recipient, and sends a code when one will be needed. */
    public String review() {
        try {
            TransferQuote quote = transfers.quote(order());
            recipientName = quote.toEscrow() ? quote.recipientEmail() : quote.recipientName();
            claimDays = quote.claimDays();
            recipientEmail = quote.recipientEmail();
            form.priced(quote.amount(), quote.fee(), quote.total());
            note = quote.note();
            SendMoney order = order();
            stepUpCode.require(quote.stepUpRequired(), transfers.operation(order), () -> transfers.askCode(order));
            form.moveTo(MoneyForm.Step.CONFIRM);
        } catch (BusinessException e) {
            form.formRefused(e);
        }
        return null;
    }

    /** Confirmation -> result. Field problems found only now (the balance changed meanwhile) go back to the form. */
    public String confirm() {
        try {
            TransferView sent = transfers.send(form.getKey(), order(), new StepUpAnswer(stepUpCode.challengeId(), stepUpCode.takeCode()));
            reference = sent.id();
            form.moveTo(MoneyForm.Step.DONE);
        } catch (StepUpRequired e) {
            stepUpCode.asked(e, "confirm");
        } catch (BusinessException e) {
            form.confirmationRefused(e, FORM_FIELDS);
        }
        return null;
    }

    /** Sends the code again, for a person whose message got lost. */
    public String resendCode() {
        stepUpCode.resend(challenge -> stepUp.sendAgain(currentUser.id(), challenge, transfers.operation(order())), "confirm");
        return null;
    }

    public MoneyForm getForm() {
        return form;
    }

    private SendMoney order() {
        return new SendMoney(currentUser.id(), to, form.getAmount(), form.getCurrency(), note);
    }

    public StepUpCode getStepUpCode() {
        return stepUpCode;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getRecipientName() {
        return recipientName;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    /** Days an invited recipient has to claim the money; 0 when the recipient already has an account. */
    public int getClaimDays() {
        return claimDays;
    }

    public String getReference() {
        return reference;
    }
}
