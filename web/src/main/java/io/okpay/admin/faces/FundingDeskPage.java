package io.okpay.admin.faces;

import io.okpay.funding.boundary.BankStatementImports;
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
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /admin/statements.xhtml (FINANCE): paste a bank statement (camt.053 XML or CSV), see what importing it would do line
 * by line, import it with a reason; then the suspense queue: assign a line to a pending top-up or return it to the
 * payer, each with a reason. Bookings, matching and the audit records are the funding feature's.
 */
@Named
@ViewScoped
public class FundingDeskPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient BankStatementImports imports;

    @Inject
    transient CurrentUser currentUser;

    private String statement;
    private String reason;
    private List<BankStatementImports.PreviewLine> preview;
    private final Map<String, String> topUps = new HashMap<>();
    private final Map<String, String> reasons = new HashMap<>();
    private transient List<BankStatementImports.QueuedLine> queue;

    public String preview() {
        try {
            preview = imports.preview(bytes());
        } catch (BusinessException e) {
            PageMessages.show(e, "statement", field -> "statement");
        }
        return null;
    }

    public String importStatement() {
        if (reason == null || reason.strip().length() < 3) {
            PageMessages.show(BusinessException.invalid(List.of(new BusinessException.FieldError("reason",
                    "reason_required", 3, 500))), "statement");
            return null;
        }
        try {
            BankStatementImports.Result result = imports.importStatement(currentUser.id(), bytes(), reason);
            PageMessages.info("admin.statements.imported", result.statementId(), result.lines(), result.matched(),
                    result.suspense(), result.duplicates());
            PageMessages.keepForRedirect();
            return "/admin/statements.xhtml?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, "statement", field -> "statement");
            return null;
        }
    }

    public String assign(String entry) {
        return resolve(entry, true);
    }

    public String giveBack(String entry) {
        return resolve(entry, false);
    }

    private String resolve(String entry, boolean assign) {
        String why = reasons.get(entry);
        if (why == null || why.strip().length() < 3) {
            PageMessages.error(message("error.reason_required", 3, 500));
            return null;
        }
        try {
            if (assign) {
                String topUp = topUps.get(entry);
                if (topUp == null || topUp.isBlank()) {
                    PageMessages.error(message("error.topup_id_required"));
                    return null;
                }
                imports.assign(currentUser.id(), entry, topUp.strip(), why);
                PageMessages.info("admin.statements.assigned", entry, topUp.strip());
            } else {
                imports.returnToPayer(currentUser.id(), entry, why);
                PageMessages.info("admin.statements.returned", entry);
            }
        } catch (BusinessException e) {
            PageMessages.show(e, "queue", field -> null);
            return null;
        }
        PageMessages.keepForRedirect();
        return "/admin/statements.xhtml?faces-redirect=true";
    }

    public List<BankStatementImports.QueuedLine> getQueue() {
        if (queue == null) {
            queue = imports.queue(100);
        }
        return queue;
    }

    public List<BankStatementImports.PreviewLine> getPreview() {
        return preview;
    }

    public String money(io.okpay.shared.Money money) {
        return MoneyFormat.format(money, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public String time(java.time.Instant at) {
        return at == null ? "" : currentUser.time(at);
    }

    private byte[] bytes() {
        return statement == null ? new byte[0] : statement.getBytes(StandardCharsets.UTF_8);
    }

    private static String message(String key, Object... args) {
        return io.okpay.shared.Messages.get(FacesContext.getCurrentInstance().getViewRoot().getLocale(), key, args);
    }

    public Map<String, String> getTopUps() { return topUps; }
    public Map<String, String> getReasons() { return reasons; }
    public String getStatement() { return statement; }
    public void setStatement(String statement) { this.statement = statement; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
