package io.okpay.admin.faces;

import io.okpay.admin.boundary.Books;
import io.okpay.ledger.boundary.LedgerBooks;
import io.okpay.ledger.boundary.ReconciliationReport;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * /admin/reconciliation.xhtml and /admin/safeguarding.xhtml (FINANCE, ADMIN): the trial balance, the house accounts,
 * the last runs and a run now; the safeguarding report of a day and FINANCE's figure for it, each with a reason.
 */
@Named
@ViewScoped
public class BooksPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Books books;

    @Inject
    transient CurrentUser currentUser;

    private transient Books.Overview overview;
    private transient List<Books.SafeguardingLine> safeguarding;
    private String reason;
    private String date;
    private String figureAmount;
    private String figureCurrency;
    private String figureReason;

    public Books.Overview getOverview() {
        if (overview == null) {
            overview = books.overview();
        }
        return overview;
    }

    public String runNow() {
        try {
            ReconciliationReport report = books.reconcile(reason);
            PageMessages.info(report.consistent() ? "admin.books.run-consistent" : "admin.books.run-problems",
                    report.problems().size());
            PageMessages.keepForRedirect();
            return "/admin/reconciliation.xhtml?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, "run");
            return null;
        }
    }

    public LocalDate getDay() {
        try {
            return date == null || date.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            return LocalDate.now(ZoneOffset.UTC);
        }
    }

    public List<Books.SafeguardingLine> getSafeguarding() {
        if (safeguarding == null) {
            safeguarding = books.safeguarding(getDay());
        }
        return safeguarding;
    }

    public String enterFigure() {
        try {
            books.enterFigure(getDay(), figureAmount, figureCurrency, figureReason);
            PageMessages.info("admin.safeguarding.entered");
            PageMessages.keepForRedirect();
            return "/admin/safeguarding.xhtml?faces-redirect=true&date=" + getDay();
        } catch (BusinessException e) {
            PageMessages.show(e, "figure", field -> "date".equals(field) ? null : field);
            return null;
        }
    }

    public String money(Money money) {
        return money == null ? "—" : MoneyFormat.format(money, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public String minor(long minor, String currency) {
        return Long.toString(minor) + " " + currency;
    }

    public String purpose(LedgerBooks.TrialBalanceLine line) {
        return line.purpose().name();
    }

    public String time(java.time.Instant at) {
        return at == null ? "" : currentUser.time(at);
    }

    public boolean isFinance() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("FINANCE");
    }

    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getDate() { return date; }
    public void setDate(String date) { this.date = date; }
    public String getFigureAmount() { return figureAmount; }
    public void setFigureAmount(String figureAmount) { this.figureAmount = figureAmount; }
    public String getFigureCurrency() { return figureCurrency; }
    public void setFigureCurrency(String figureCurrency) { this.figureCurrency = figureCurrency; }
    public String getFigureReason() { return figureReason; }
    public void setFigureReason(String figureReason) { this.figureReason = figureReason; }
}
