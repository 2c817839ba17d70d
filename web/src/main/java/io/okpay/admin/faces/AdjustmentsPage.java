package io.okpay.admin.faces;

import io.okpay.admin.boundary.AdjustmentView;
import io.okpay.admin.boundary.Adjustments;
import io.okpay.shared.BusinessException;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * /admin/adjustments.xhtml (FINANCE): propose a correction, and approve or reject the proposals of others, each with
 * a reason. The form carries a token of its own as the proposal's idempotency key, so a form sent twice proposes once.
 * Whether the operator may decide is the boundary's call (never their own proposal), not the page's.
 */
@Named
@ViewScoped
public class AdjustmentsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Adjustments adjustments;

    @Inject
    transient CurrentUser currentUser;

    private String account;
    private String amount;
    private String currency;
    private String direction = "credit";
    private String reason;
    private String ticket;
    private String formToken = UUID.randomUUID().toString();
    private final Map<String, String> reasons = new HashMap<>();
    private List<AdjustmentView> proposed;
    private List<AdjustmentView> decided;

    public String propose() {
        try {
            AdjustmentView made = adjustments.propose(new Adjustments.Proposal(account, amount, currency, direction,
                    reason, ticket), formToken);
            PageMessages.info("admin.adjustments.proposed", made.id());
            PageMessages.keepForRedirect();
            return "/admin/adjustments.xhtml?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, "propose", field -> "userId".equals(field) ? "account" : field);
            return null;
        }
    }

    public String approve(String id) {
        try {
            AdjustmentView done = adjustments.approve(id, reasons.get(id));
            PageMessages.info("admin.adjustments.approved", done.id(), done.transactionId());
        } catch (BusinessException e) {
            PageMessages.show(e, "queue", field -> null);
            return null;
        }
        PageMessages.keepForRedirect();
        return "/admin/adjustments.xhtml?faces-redirect=true";
    }

    public String reject(String id) {
        try {
            AdjustmentView done = adjustments.reject(id, reasons.get(id));
            PageMessages.info("admin.adjustments.rejected", done.id());
        } catch (BusinessException e) {
            PageMessages.show(e, "queue", field -> null);
            return null;
        }
        PageMessages.keepForRedirect();
        return "/admin/adjustments.xhtml?faces-redirect=true";
    }

    public List<AdjustmentView> getProposed() {
        if (proposed == null) {
            proposed = adjustments.list("proposed", 50);
        }
        return proposed;
    }

    public List<AdjustmentView> getDecided() {
        if (decided == null) {
            decided = new java.util.ArrayList<>(adjustments.list("approved", 10));
            decided.addAll(adjustments.list("rejected", 10));
            decided.addAll(adjustments.list("expired", 10));
        }
        return decided;
    }

    public String money(AdjustmentView a) {
        return MoneyFormat.format(a.amount(), FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public String time(java.time.Instant at) {
        return at == null ? "" : currentUser.time(at);
    }

    public boolean mine(AdjustmentView a) {
        return a.makerId().equals(currentUser.id());
    }

    public Map<String, String> getReasons() { return reasons; }
    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getDirection() { return direction; }
    public void setDirection(String direction) { this.direction = direction; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getTicket() { return ticket; }
    public void setTicket(String ticket) { this.ticket = ticket; }
    public String getFormToken() { return formToken; }
}
