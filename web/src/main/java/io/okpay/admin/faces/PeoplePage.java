package io.okpay.admin.faces;

import io.okpay.admin.boundary.BackOffice;
import io.okpay.shared.Balance;
import io.okpay.shared.BusinessException;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import io.okpay.wallet.boundary.Activity;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * /admin/search.xhtml and /admin/person.xhtml (every operator): find a person or a payment ({@code ?q=}), a person's
 * page ({@code ?id=usr_...}) with tier and limits used, balances, history, sign-ins and devices, sessions, identity
 * reviews (linked to compliance's review page), tickets (linked to the desk), risk decisions and the audit trail;
 * SUPPORT and ADMIN end the sessions, and reset the second factors after a recorded identity check, with a reason.
 */
@Named
@ViewScoped
public class PeoplePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient BackOffice backOffice;

    @Inject
    transient CurrentUser currentUser;

    private String q;
    private String id;
    private String reason;
    private String checkType;
    private String checkDetail;
    private String resetReason;
    private transient List<BackOffice.Hit> hits;
    private transient BackOffice.Person person;
    private boolean missing;

    /** Runs on GET: the search of {@code ?q=}, or the person of {@code ?id=}. */
    public void load() {
        if (id != null && !id.isBlank()) {
            try {
                person = backOffice.person(id.strip(), locale());
            } catch (BusinessException e) {
                missing = true;
            }
        }
    }

    public List<BackOffice.Hit> getHits() {
        if (hits == null) {
            hits = q == null || q.isBlank() ? List.of() : backOffice.search(q);
        }
        return hits;
    }

    public BackOffice.Person getPerson() {
        if (person == null && id != null && !missing) {
            load();
        }
        return person;
    }

    public String endSessions() {
        try {
            int ended = backOffice.endSessions(id, reason);
            PageMessages.info("admin.person.sessions-ended", ended);
            PageMessages.keepForRedirect();
            return "/admin/person.xhtml?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            PageMessages.show(e, "sessions");
            return null;
        }
    }

    public String resetSecondFactors() {
        try {
            backOffice.resetSecondFactors(id, checkType, checkDetail, resetReason);
            PageMessages.info("admin.person.factors-reset");
            PageMessages.keepForRedirect();
            return "/admin/person.xhtml?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            PageMessages.show(e, "factors");
            return null;
        }
    }

    /** How the identity was checked, for the reset form's choice. */
    public List<String> getIdentityChecks() {
        return BackOffice.IDENTITY_CHECKS;
    }

    /** One line of the limits table: which movement and period, the limit, what was used and when it resets. */
    public record LimitRow(String id, String kindKey, String periodKey, String max, String used, String resets) {
    }

    public List<LimitRow> getLimitRows() {
        BackOffice.Person p = getPerson();
        if (p == null) {
            return List.of();
        }
        var view = p.limits();
        return view.limits().stream().map(l -> {
            boolean counts = l.period().counts();
            return new LimitRow("limit-" + l.kind().key() + "-" + l.period().apiName(), "risk.kind." + l.kind().key(),
                    "risk.period." + l.period().apiName(), amount(view, l.max(), counts),
                    l.resetsAt() == null ? "" : amount(view, l.used(), counts), time(l.resetsAt()));
        }).toList();
    }

    private String amount(io.okpay.risk.boundary.LimitsView view, long value, boolean counts) {
        return counts ? Long.toString(value) : MoneyFormat.format(new io.okpay.shared.Money(value, view.currency(), view.exponent()), locale());
    }

    public boolean isMayOpenTickets() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole("SUPPORT") || external.isUserInRole("COMPLIANCE");
    }

    public boolean isMayReviewIdentity() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("COMPLIANCE");
    }

    public String money(io.okpay.shared.Money money) {
        return money == null ? "" : MoneyFormat.format(money, locale());
    }

    public String balance(Balance b) {
        return money(b.balance());
    }

    public String change(Activity.Item item) {
        return (item.incoming() ? "+" : "") + money(item.change());
    }

    public String time(java.time.Instant at) {
        return at == null ? "" : currentUser.time(at);
    }

    public boolean isMayEndSessions() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole("SUPPORT") || external.isUserInRole("ADMIN");
    }

    public boolean isMissing() {
        return missing;
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getCheckType() { return checkType; }
    public void setCheckType(String checkType) { this.checkType = checkType; }
    public String getCheckDetail() { return checkDetail; }
    public void setCheckDetail(String checkDetail) { this.checkDetail = checkDetail; }
    public String getResetReason() { return resetReason; }
    public void setResetReason(String resetReason) { this.resetReason = resetReason; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
