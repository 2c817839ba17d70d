package io.okpay.admin.faces;

import io.okpay.funding.boundary.Vouchers;
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
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /admin/vouchers.xhtml (FINANCE): issue a batch of e-money vouchers with a reason (the codes are shown here once), and
 * approve the batches of other operators that wait for a second approval (above okpay.funding.voucher-approval-above).
 */
@Named
@ViewScoped
public class VouchersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Vouchers vouchers;

    @Inject
    transient CurrentUser currentUser;

    private String amount;
    private String currency;
    private Integer count = 1;
    private Integer days = 365;
    private String reason;
    private Vouchers.Batch issued;
    private final Map<String, String> reasons = new HashMap<>();
    private transient List<Vouchers.BatchView> waiting;
    private transient List<Vouchers.BatchSummary> batches;
    private final Map<String, String> voidReasons = new HashMap<>();

    public String issue() {
        if (reason == null || reason.strip().length() < 3) {
            PageMessages.show(BusinessException.invalid(List.of(new BusinessException.FieldError("reason",
                    "reason_required", 3, 500))), "issue");
            return null;
        }
        try {
            Instant until = Instant.now().plus(Duration.ofDays(days == null ? 0 : days));
            issued = vouchers.issue(currentUser.id(), amount, currency, count, until, reason);
            PageMessages.info(issued.awaitingApproval() ? "admin.vouchers.issued-waiting" : "admin.vouchers.issued",
                    issued.id(), issued.codes().size());
        } catch (BusinessException e) {
            PageMessages.show(e, "issue", field -> "expires_at".equals(field) ? "days" : field);
        }
        return null;
    }

    public String approve(String batchId) {
        try {
            vouchers.approveBatch(batchId, reasons.get(batchId));
            PageMessages.info("admin.vouchers.approved", batchId);
        } catch (BusinessException e) {
            PageMessages.show(e, "waiting", field -> null);
            return null;
        }
        PageMessages.keepForRedirect();
        return "/admin/vouchers.xhtml?faces-redirect=true";
    }

    public String voidUnused(String batchId) {
        try {
            int voided = vouchers.voidUnused(batchId, voidReasons.get(batchId));
            PageMessages.info("admin.vouchers.voided", batchId, voided);
        } catch (BusinessException e) {
            PageMessages.show(e, "batches-form", field -> null);
            return null;
        }
        PageMessages.keepForRedirect();
        return "/admin/vouchers.xhtml?faces-redirect=true";
    }

    public List<Vouchers.BatchSummary> getBatches() {
        if (batches == null) {
            batches = vouchers.batches(50);
        }
        return batches;
    }

    public Map<String, String> getVoidReasons() {
        return voidReasons;
    }

    public List<Vouchers.BatchView> getWaiting() {
        if (waiting == null) {
            waiting = vouchers.awaitingApproval(50);
        }
        return waiting;
    }

    public String money(io.okpay.shared.Money money) {
        return MoneyFormat.format(money, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public String time(Instant at) {
        return at == null ? "" : currentUser.time(at);
    }

    public boolean mine(Vouchers.BatchView batch) {
        return batch.issuedBy().equals(currentUser.id());
    }

    public Vouchers.Batch getIssued() { return issued; }
    public Map<String, String> getReasons() { return reasons; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Integer getCount() { return count; }
    public void setCount(Integer count) { this.count = count; }
    public Integer getDays() { return days; }
    public void setDays(Integer days) { this.days = days; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
