package io.okpay.shared.faces;

import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.util.function.UnaryOperator;

/** Shows business failures on a page: field errors next to their inputs, the rest at the top, in the page's language. */
public final class PageMessages {

    private PageMessages() {
    }

    /** Field {@code f} of the failure goes to the input with id {@code f} in form {@code formId}. */
    public static void show(BusinessException e, String formId) {
        show(e, formId, UnaryOperator.identity());
    }

    /**
     * Field {@code f} of the failure goes to the input with id {@code inputOf(f)} in form {@code formId}, or to the top
     * when that is null (a field the page has no input for).
     */
    public static void show(BusinessException e, String formId, UnaryOperator<String> inputOf) {
        FacesContext faces = FacesContext.getCurrentInstance();
        var locale = faces.getViewRoot().getLocale();
        if (e.fieldErrors().isEmpty()) {
            error(Messages.get(locale, "error." + e.code(), e.args()));
            return;
        }
        for (BusinessException.FieldError field : e.fieldErrors()) {
            String text = Messages.get(locale, "error." + field.code(), field.args());
            String input = inputOf.apply(field.field());
            faces.addMessage(input == null ? null : formId + ":" + input,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        error(Messages.get(locale, "error.invalid_request"));
    }

    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    public static void info(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Messages.get(faces.getViewRoot().getLocale(), key, args);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    /** Keeps the messages over a redirect. */
    public static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}
