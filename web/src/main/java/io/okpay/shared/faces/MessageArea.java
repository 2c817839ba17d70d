package io.okpay.shared.faces;

import io.okpay.shared.Messages;
import jakarta.enterprise.context.ApplicationScoped;
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
@ApplicationScoped
public class MessageArea {

    /** One field's error: the text shown next to the field, and the field's client id the summary links to. */
    public record FieldError(String clientId, String text) {
    }

    /** Read afresh each time: rendered= is asked before the action has added its messages too. */
    public List<String> getProblems() {
        FacesContext faces = FacesContext.getCurrentInstance();
        List<String> problems = new ArrayList<>();
        for (FacesMessage message : faces.getMessageList(null)) {
            if (isError(message)) {
                problems.add(message.getSummary());
                message.rendered();
            }
        }
        if (problems.isEmpty() && !getFields().isEmpty()) {
            problems.add(Messages.get(faces.getViewRoot().getLocale(), "error.invalid_request"));
        }
        return problems;
    }

    public List<FieldError> getFields() {
        FacesContext faces = FacesContext.getCurrentInstance();
        List<FieldError> fields = new ArrayList<>();
        for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
            String id = ids.next();
            if (id != null) {
                for (FacesMessage message : faces.getMessageList(id)) {
                    if (isError(message)) {
                        fields.add(new FieldError(id, message.getSummary()));
                    }
                }
            }
        }
        return fields;
    }

    public List<String> getNews() {
        List<String> news = new ArrayList<>();
        for (FacesMessage message : FacesContext.getCurrentInstance().getMessageList(null)) {
            if (!isError(message)) {
                news.add(message.getSummary());
                message.rendered();
            }
        }
        return news;
    }

    private static boolean isError(FacesMessage message) {
        return message.getSeverity().getOrdinal() >= FacesMessage.SEVERITY_ERROR.getOrdinal();
    }
}
