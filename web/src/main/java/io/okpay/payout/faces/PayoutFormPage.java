package io.okpay.payout.faces;

import io.okpay.currency.boundary.Currencies;
import io.okpay.currency.entity.Currency;
import io.okpay.shared.faces.CurrentUser;
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
import java.util.UUID;

/**
 * A withdrawal form in three steps on one view (the form; the confirmation with amount, fee, total and the IBAN
 * masked; the result with the reference), and the owner's payouts below it with a cancel button while pending. The
 * idempotency key is made when the form is first shown and travels in a hidden field, so a double submit holds once.
 * Subclasses say whose money it is: the signed-in person's wallet, or the shop the person owns.
 */
public abstract class PayoutFormPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> FORM_FIELDS = Set.of("amount", "currency", "iban", "account_holder");

    public enum Step { FORM, CONFIRM, DONE }

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

    private Step step = Step.FORM;
    private String key = UUID.randomUUID().toString();
    private String amount;
    private String currency;
    private String iban;
    private String accountHolder;
    private String amountText;
    private String feeText;
    private String totalText;
    private String ibanMasked;
    private String reference;
    private List<Row> rows;

    /** Whose money the form moves, or null when the signed-in person may not use this page. */
    protected abstract PayoutOwner owner();

    /** The currency the form starts with. */
    protected abstract String startingCurrency();

    @PostConstruct
    void start() {
        currency = startingCurrency();
    }

    public boolean isAllowed() {
        return owner() != null;
    }

    public List<String> getCurrencies() {
        return currencies.enabled().stream().map(Currency::code).sorted().toList();
    }

    public String review() {
        try {
            PayoutQuote quote = payouts.quote(order());
            Locale locale = locale();
            amountText = MoneyFormat.format(quote.amount(), locale);
            feeText = MoneyFormat.format(quote.fee(), locale);
            totalText = MoneyFormat.format(quote.total(), locale);
            ibanMasked = quote.ibanMasked();
            accountHolder = quote.accountHolder();
            step = Step.CONFIRM;
        } catch (BusinessException e) {
            PageMessages.show(e, "payout");
        }
        return null;
    }

    public String confirm() {
        try {
            PayoutView requested = payouts.request(key, order());
            reference = requested.id();
            totalText = MoneyFormat.format(requested.total(), locale());
            step = Step.DONE;
            rows = null;
        } catch (BusinessException e) {
            boolean formProblem = e.fieldErrors().stream().anyMatch(f -> FORM_FIELDS.contains(f.field()));
            if (formProblem || "insufficient_funds".equals(e.code())) {
                step = Step.FORM;
            }
            PageMessages.show(e, formProblem ? "payout" : "confirm");
        }
        return null;
    }

    public String back() {
        step = Step.FORM;
        return null;
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
        return new WithdrawMoney(requireOwner(), amount, currency, iban, accountHolder);
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

    public String getAmountText() {
        return amountText;
    }

    public String getFeeText() {
        return feeText;
    }

    public String getTotalText() {
        return totalText;
    }

    public String getIbanMasked() {
        return ibanMasked;
    }

    public String getReference() {
        return reference;
    }
}
