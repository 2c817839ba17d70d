package io.okpay.shared.faces;

import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.shared.BusinessException;

import java.io.Serializable;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The one-time code a payment asks for before it moves money (a large amount, a new recipient): the challenge the
 * code was sent for, whether the page asks for it, and the code typed (WEB-INF/includes/step-up-code.xhtml with
 * {@code page} = this). The page keeps its calls to the boundaries and hands them in.
 */
public class StepUpCode implements Serializable {

    private static final long serialVersionUID = 1L;

    private String challengeId;
    private String code;
    private boolean required;
    private Serializable boundTo;

    /** Whether the next submit needs a code; the first time it does, {@code begin} sends one and names its challenge. */
    public void require(boolean needed, Supplier<String> begin) {
        required = needed;
        if (needed && challengeId == null) {
            challengeId = begin.get();
        }
    }

    /**
     * As {@link #require(boolean, Supplier)} for a code bound to one operation (amount, currency, payee): when the
     * person went back and changed it, the code sent for the old one cannot approve it, so a new one is sent.
     */
    public void require(boolean needed, Serializable operation, Supplier<String> begin) {
        if (needed && !operation.equals(boundTo)) {
            challengeId = null;
            code = null;
        }
        require(needed, begin);
        if (needed) {
            boundTo = operation;
        }
    }

    /** The boundary wants a code first and has sent one: the page asks for it, saying why in form {@code formId}. */
    public void asked(StepUpRequired e, String formId) {
        challengeId = e.challengeId();
        required = true;
        PageMessages.show(e, formId);
    }

    /**
     * Sends the code again ({@code sendAgain} takes the challenge and names the new one), so a person whose message got
     * lost is not stuck; the field is emptied, as only the new code works now.
     */
    public void resend(UnaryOperator<String> sendAgain, String formId) {
        code = null;
        try {
            challengeId = sendAgain.apply(challengeId);
            PageMessages.info("code.resent");
        } catch (BusinessException e) {
            PageMessages.show(e, formId);
        }
    }

    /** Forgets the challenge (it cannot approve what is asked now): the next submit asks for a new code. */
    public void reset() {
        challengeId = null;
        code = null;
        required = false;
        boundTo = null;
    }

    public String challengeId() {
        return challengeId;
    }

    /** The code as typed, for one submit: whatever the answer, the field is empty afterwards. */
    public String takeCode() {
        String typed = code;
        code = null;
        return typed;
    }

    public boolean isRequired() {
        return required;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
