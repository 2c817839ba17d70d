package io.okpay.support.faces;

import io.okpay.support.boundary.DeskStats;
import io.okpay.support.boundary.QueueFilter;
import io.okpay.support.boundary.SupportDesk;
import io.okpay.support.boundary.TicketCategory;
import io.okpay.support.boundary.TicketStatus;
import io.okpay.support.boundary.TicketView;
import io.okpay.shared.faces.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * /support/queue.xhtml for the desk (SUPPORT; COMPLIANCE: the security reports): the tickets, overdue first, then
 * priority, then the first-reply due time; filters by status, overdue, category and assignee; the desk's figures
 * (first-reply time, satisfaction).
 */
@Named
@ViewScoped
public class SupportQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SupportDesk desk;

    @Inject
    transient CurrentUser currentUser;

    private String status;
    private boolean overdue;
    private String category;
    /** "" anyone, "mine", or "-" nobody. */
    private String assignee = "";
    private List<TicketView> tickets;
    private DeskStats stats;

    public List<TicketView> getTickets() {
        if (tickets == null) {
            String who = "mine".equals(assignee) ? currentUser.id() : QueueFilter.UNASSIGNED.equals(assignee)
                    ? QueueFilter.UNASSIGNED : null;
            tickets = desk.queue(new QueueFilter(TicketStatus.parse(status), overdue, TicketCategory.parse(category), who));
        }
        return tickets;
    }

    public DeskStats getStats() {
        if (stats == null) {
            stats = desk.stats();
        }
        return stats;
    }

    public String filter() {
        tickets = null;
        return null;
    }

    public List<String> getStatuses() {
        return Arrays.stream(TicketStatus.values()).map(TicketStatus::code).toList();
    }

    public List<String> getCategories() {
        return Arrays.stream(TicketCategory.values()).map(TicketCategory::code).toList();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public void setOverdue(boolean overdue) {
        this.overdue = overdue;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee == null ? "" : assignee;
    }
}
