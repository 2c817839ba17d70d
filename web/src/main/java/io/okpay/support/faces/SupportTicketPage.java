package io.okpay.support.faces;

import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import io.okpay.support.boundary.Channel;
import io.okpay.support.boundary.SupportTickets;
import io.okpay.support.boundary.TicketThread;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.Serializable;

/**
 * /support/ticket.xhtml?id=tkt_...: one of the person's requests with the thread (the desk's replies, never its notes),
 * an answer with a file, and the rating once it is resolved. Someone else's ticket: the not-found page.
 */
@Named
@ViewScoped
public class SupportTicketPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SupportTickets tickets;

    @Inject
    transient CurrentUser currentUser;

    private String id;
    private TicketThread thread;
    private String message;
    private transient Part file;
    private Integer rating;
    private String comment;

    public void load() throws IOException {
        try {
            thread = tickets.thread(currentUser.id(), id);
        } catch (BusinessException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "not found");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public String reply() {
        try {
            tickets.reply(currentUser.id(), id, message, SupportFormPage.uploads(file), Channel.WEB);
            PageMessages.info("support.ticket.replied");
            PageMessages.keepForRedirect();
            return "/support/ticket.xhtml?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            PageMessages.show(e, "reply", f -> switch (f) {
                case "message" -> "message";
                case "attachments" -> "file";
                default -> null;
            });
            return null;
        }
    }

    public String rate() {
        try {
            tickets.rate(currentUser.id(), id, rating, comment);
            PageMessages.info("support.ticket.rated");
            PageMessages.keepForRedirect();
            return "/support/ticket.xhtml?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            PageMessages.show(e, "rate", f -> "rating".equals(f) ? "rating" : "comment".equals(f) ? "comment" : null);
            return null;
        }
    }

    public io.okpay.support.boundary.TicketView getTicket() {
        return thread == null ? null : thread.ticket();
    }

    public TicketThread getThread() {
        return thread;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public Integer getRating() {
        return rating;
    }

    public void setRating(Integer rating) {
        this.rating = rating;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
