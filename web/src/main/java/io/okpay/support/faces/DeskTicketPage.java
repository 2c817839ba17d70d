package io.okpay.support.faces;

import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.PageMessages;
import io.okpay.support.boundary.SupportDesk;
import io.okpay.support.boundary.TicketStatus;
import io.okpay.support.boundary.TicketThread;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * /support/desk-ticket.xhtml?id=tkt_...: a ticket for the desk: the whole thread with the internal notes, take it,
 * reply (e-mailed to the person), write a note, change its status.
 */
@Named
@ViewScoped
public class DeskTicketPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SupportDesk desk;

    private String id;
    private TicketThread thread;
    private String reply;
    private String note;
    private String status;

    public void load() throws IOException {
        try {
            thread = desk.thread(id);
            status = thread.ticket().status().code();
        } catch (BusinessException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "not found");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public String sendReply() {
        return act("reply", () -> desk.reply(id, reply), "support.desk.replied");
    }

    public String addNote() {
        return act("note", () -> desk.note(id, note), "support.desk.noted");
    }

    public String take() {
        return act("assign", () -> desk.assign(id, true), "support.desk.taken");
    }

    public String changeStatus() {
        return act("state", () -> desk.changeStatus(id, status), "support.desk.status-changed");
    }

    private String act(String form, Runnable action, String done) {
        try {
            action.run();
            PageMessages.info(done);
            PageMessages.keepForRedirect();
            return "/support/desk-ticket.xhtml?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            PageMessages.show(e, form, f -> "message".equals(f) ? "text" : "status".equals(f) ? "status" : null);
            return null;
        }
    }

    public List<String> getStatuses() {
        return Arrays.stream(TicketStatus.values()).map(TicketStatus::code).toList();
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

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
