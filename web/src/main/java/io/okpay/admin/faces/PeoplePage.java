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
 * page ({@code ?id=usr_...}) with balances, history, sign-ins and sessions; SUPPORT and ADMIN end the sessions with a
 * reason.
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
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
