package io.okpay.shared.faces;

import io.okpay.shared.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What the page's message area shows (WEB-INF/templates/messages.xhtml): an error summary that states the problem and
 * links each field's error to its field, kept apart from news ("Your other sessions are signed out.").
 */
@Named
@RequestScoped
public class MessageArea {

    /** One field's error: the text shown next to the field, and the field's client id the summary links to. */
    public record FieldError(String clientId, String text) {
    }

    private List<String> problems;
    private List<FieldError> fields;
    private List<String> news;

    private void collect() {
        if (problems != null) {
            return;
        }
        problems = new ArrayList<>();
        fields = new ArrayList<>();
        news = new ArrayList<>();
        FacesContext faces = FacesContext.getCurrentInstance();
        for (FacesMessage message : faces.getMessageList(null)) {
            (isError(message) ? problems : news).add(message.getSummary());
            message.rendered();
        }
        for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
            String id = ids.next();
            if (id == null) {
                continue;
            }
            for (FacesMessage message : faces.getMessageList(id)) {
                if (isError(message)) {
                    fields.add(new FieldError(id, message.getSummary()));
                }
            }
        }
        if (problems.isEmpty() && !fields.isEmpty()) {
            problems.add(Messages.get(faces.getViewRoot().getLocale(), "error.invalid_request"));
        }
    }

    private static boolean isError(FacesMessage message) {
        return message.getSeverity().getOrdinal() >= FacesMessage.SEVERITY_ERROR.getOrdinal();
    }

    public List<String> getProblems() {
        collect();
        return problems;
    }

    public List<FieldError> getFields() {
        collect();
        return fields;
    }

    public List<String> getNews() {
        collect();
        return news;
    }
}
