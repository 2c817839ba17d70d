package io.okpay.support.faces;

import io.okpay.shared.faces.CurrentUser;
import io.okpay.support.boundary.SupportTickets;
import io.okpay.support.boundary.TicketView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** /support/tickets.xhtml: the person's support requests, newest first. */
@Named
@RequestScoped
public class SupportTicketsPage {

    @EJB
    SupportTickets tickets;

    @Inject
    CurrentUser currentUser;

    private List<TicketView> list;

    public List<TicketView> getTickets() {
        if (list == null) {
            list = tickets.list(currentUser.id());
        }
        return list;
    }
}
