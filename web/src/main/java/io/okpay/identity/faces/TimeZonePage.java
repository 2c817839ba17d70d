package io.okpay.identity.faces;

import io.okpay.identity.boundary.Users;
import io.okpay.shared.BusinessException;
import io.okpay.shared.TimeZones;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The time-zone form of /identity/account.xhtml: every region id to pick from, the person's own preselected. */
@Named
@RequestScoped
public class TimeZonePage {

    @EJB
    Users users;

    @Inject
    CurrentUser currentUser;

    private String zone;

    public String save() {
        try {
            String saved = users.changeTimeZone(currentUser.id(), zone).timeZone().getId();
            PageMessages.info("account.zone.saved", saved);
        } catch (BusinessException e) {
            PageMessages.show(e, "zone");
            return null;
        }
        PageMessages.keepForRedirect();
        return "/identity/account.xhtml?faces-redirect=true";
    }

    public List<String> getChoices() {
        return TimeZones.CHOICES;
    }

    public String getZone() {
        return zone == null ? currentUser.zone().getId() : zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }
}
