package io.okpay.payout.faces;

import io.okpay.currency.boundary.Currencies;
import io.okpay.identity.boundary.StepUp;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.payout.boundary.PayoutApproval;
import io.okpay.shared.faces.StepUpCode;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.MoneyForm;
import io.okpay.shared.faces.PageMessages;
import io.okpay.payout.boundary.PayoutOwner;
import io.okpay.payout.boundary.PayoutQuote;
import io.okpay.payout.boundary.PayoutView;
import io.okpay.payout.boundary.Payouts;
import io.okpay.payout.boundary.WithdrawMoney;
import io.okpay.payout.boundary.PayoutStatus;
import io.okpay.shared.BusinessException;
import io.okpay.shared.MoneyFormat;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A withdrawal form in three steps on one view (the form; the confirmation with amount, fee, total and the IBAN
 * masked; the result with the reference), and the owner's payouts below it with a cancel button while pending. The
 * idempotency key is made when the form is first shown and travels in a hidden field, so a double submit holds once.
 * Subclasses say whose money it is: the signed-in person's wallet, or the shop the person owns.
 */
public abstract class PayoutFormPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> FORM_FIELDS = Set.of("amount", "currency", "iban", "account_holder");

    /** A payout as listed: what, where to, how far it got; {@code statusKey} is its bundle key. */
    public record Row(String id, String created, String total, String to, String statusKey, boolean cancellable)
            implements Serializable {
    }

    @EJB
    transient Payouts payouts;

    @EJB
    transient Currencies currencies;

    @Inject
    transient CurrentUser currentUser;

    @EJB
    transient StepUp stepUp;

    private final MoneyForm form = new MoneyForm("payout");
    private final StepUpCode stepUpCode = new StepUpCode();
    private String iban;
    private String accountHolder;
    private String ibanMasked;
    private String reference;
    private List<Row> rows;

    /** Whose money the form moves, or null when the signed-in person may not use this page. */
    protected abstract PayoutOwner owner();

    /** The currency the form starts with. */
    protected abstract String startingCurrency();

    @PostConstruct
    void start() {
        form.setCurrency(startingCurrency());
    }

    public boolean isAllowed() {
        return owner() != null;
    }

    public List<String> getCurrencies() {
        return currencies.enabledCodes();
    }

    /** Form -> confirmation; every payout is approved with the owner's code, bound to it: it is sent now. */
    public String review() {
        try {
            WithdrawMoney order = order();
            PayoutQuote quote = payouts.quote(order);
            form.priced(quote.amount(), quote.fee(), quote.total());
            ibanMasked = quote.ibanMasked();
            accountHolder = quote.accountHolder();
            stepUpCode.require(true, payouts.operation(order), () -> payouts.askCode(order));
            form.moveTo(MoneyForm.Step.CONFIRM);
        } catch (BusinessException e) {
            form.formRefused(e);
        }
        return null;
    }

    public String confirm() {
        try {
            PayoutView requested = payouts.request(form.getKey(), order(),
                    new PayoutApproval(stepUpCode.challengeId(), stepUpCode.takeCode()));
            reference = requested.id();
            form.priced(requested.amount(), requested.fee(), requested.total());
            form.moveTo(MoneyForm.Step.DONE);
            rows = null;
        } catch (StepUpRequired e) {
            stepUpCode.asked(e, "confirm");
        } catch (BusinessException e) {
            form.confirmationRefused(e, FORM_FIELDS);
        }
        return null;
    }

    /** Sends the code again, for an owner whose message got lost. */
    public String resendCode() {
        stepUpCode.resend(challenge -> stepUp.sendAgain(currentUser.id(), challenge, payouts.operation(order())), "confirm");
        return null;
    }

    public StepUpCode getStepUpCode() {
        return stepUpCode;
    }

    public String cancel(String payoutId) {
        try {
            payouts.cancel(requireOwner(), payoutId);
            PageMessages.info("payout.cancelled");
        } catch (BusinessException e) {
            PageMessages.show(e, "payouts");
        }
        rows = null;
        return null;
    }

    /** The owner's newest payouts. */
    public List<Row> getRows() {
        if (rows == null) {
            PayoutOwner owner = owner();
            Locale locale = locale();
            rows = owner == null ? List.of() : payouts.list(owner, null, 20).payouts().stream()
                    .map(p -> new Row(p.id(), currentUser.time(p.createdAt()), MoneyFormat.format(p.total(), locale),
                            p.ibanMasked() + " · " + p.accountHolder(), "payout.status." + p.status().wireName(),
                            p.status() == PayoutStatus.PENDING))
                    .toList();
        }
        return rows;
    }

    private WithdrawMoney order() {
        return new WithdrawMoney(requireOwner(), form.getAmount(), form.getCurrency(), iban, accountHolder);
    }

    private PayoutOwner requireOwner() {
        PayoutOwner owner = owner();
        if (owner == null) {
            throw BusinessException.notFound();
        }
        return owner;
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public MoneyForm getForm() {
        return form;
    }

    public String getIban() {
        return iban;
    }

    public void setIban(String iban) {
        this.iban = iban;
    }

    public String getAccountHolder() {
        return accountHolder;
    }

    public void setAccountHolder(String accountHolder) {
        this.accountHolder = accountHolder;
    }

    public String getIbanMasked() {
        return ibanMasked;
    }

    public String getReference() {
        return reference;
    }
}
