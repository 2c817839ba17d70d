package io.okpay.shared.faces;

import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import io.okpay.shared.MoneyFormat;
import jakarta.faces.context.FacesContext;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * What a page that moves money keeps between its steps (the form, the confirmation, the result): where the person is,
 * the idempotency key, the amount and currency typed, and the amount, fee and total as the confirmation shows them.
 * A page holds one ({@code #{sendPage.form.amount}}) and keeps its own fields and its calls to the boundary.
 * <p>
 * The key is made with the form and travels in a hidden field ({@code <h:inputHidden id="key"
 * value="#{page.form.key}"/>}), so a double submit moves the money once; a new attempt asks for a {@link #newKey()}.
 */
public class MoneyForm implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The id of the confirmation's h:form on every page with these steps. */
    private static final String CONFIRM_FORM = "confirm";

    public enum Step { FORM, CONFIRM, DONE }

    private final String formId;
    private Step step = Step.FORM;
    private String key = UUID.randomUUID().toString();
    private String amount;
    private String currency;
    private String amountText;
    private String feeText;
    private String totalText;

    /** {@code formId}: the id of the h:form of the first step, where field errors go. */
    public MoneyForm(String formId) {
        this.formId = formId;
    }

    /** A new attempt: what comes next is not a repeat of what went before. */
    public void newKey() {
        key = UUID.randomUUID().toString();
    }

    /** The amounts as the confirmation and the result show them, in the page's language. */
    public void priced(Money amount, Money fee, Money total) {
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        amountText = MoneyFormat.format(amount, locale);
        feeText = MoneyFormat.format(fee, locale);
        totalText = MoneyFormat.format(total, locale);
    }

    public void moveTo(Step next) {
        step = next;
    }

    /** The confirmation's "Back": the form again, as it was filled in. */
    public String back() {
        step = Step.FORM;
        return null;
    }

    /** The boundary refused what the form holds: field errors next to its inputs, the rest at the top. */
    public void formRefused(BusinessException e) {
        PageMessages.show(e, formId);
    }

    /**
     * The boundary refused at the confirmation. Problems with what was typed ({@code formFields}, found only now, e.g.
     * the balance changed meanwhile) and a balance too low send the person back to the form, field errors next to
     * their inputs; anything else is said on the confirmation.
     */
    public void confirmationRefused(BusinessException e, Set<String> formFields) {
        boolean formProblem = e.fieldErrors().stream().anyMatch(f -> formFields.contains(f.field()));
        if (formProblem || "insufficient_funds".equals(e.code())) {
            step = Step.FORM;
        }
        PageMessages.show(e, formProblem ? formId : CONFIRM_FORM);
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
        this.amount = amount == null ? null : amount.strip();
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
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
}
