package io.okpay.identity.faces;

import io.okpay.identity.boundary.AccountSecurity;
import io.okpay.identity.boundary.StepUp;
import io.okpay.shared.BusinessException;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * /identity/security.xhtml: change the password, turn one-time codes by e-mail on or off. Each change first sends a
 * step-up code, then applies with it.
 */
@Named
@ViewScoped
public class SecurityPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @EJB
    transient AccountSecurity accountSecurity;

    @EJB
    transient StepUp stepUp;

    @Inject
    transient CurrentUser currentUser;

    /** The action waiting for its code, or null. */
    private String pendingAction;
    private String challengeId;
    private Boolean emailCodesWanted;
    private String currentPassword;
    private String newPassword;
    private String code;

    public void requestPasswordChange() {
        begin(AccountSecurity.CHANGE_PASSWORD);
    }

    public void requestEmailCodes(boolean on) {
        emailCodesWanted = on;
        begin(AccountSecurity.CHANGE_SECOND_FACTOR);
    }

    public void confirm() {
        try {
            if (AccountSecurity.CHANGE_PASSWORD.equals(pendingAction)) {
                accountSecurity.changePassword(currentUser.id(), currentUser.sessionId(), currentPassword, newPassword,
                        challengeId, code);
                PageMessages.info("security.password.changed");
            } else {
                accountSecurity.useEmailCodes(currentUser.id(), emailCodesWanted, challengeId, code);
                PageMessages.info(emailCodesWanted ? "security.codes.on" : "security.codes.off");
            }
            cancel();
        } catch (BusinessException e) {
            PageMessages.show(e, "confirm");
            if (!"code_invalid".equals(e.code())) {
                cancel();
            }
        } finally {
            code = null;
        }
    }

    public void endOtherSessions() {
        accountSecurity.endOtherSessions(currentUser.id(), currentUser.sessionId());
        PageMessages.info("security.sessions.ended");
    }

    public List<AccountSecurity.SignInView> getRecentSignIns() {
        return accountSecurity.recentSignIns(currentUser.id(), 10);
    }

    public List<AccountSecurity.SessionView> getSessions() {
        return accountSecurity.activeSessions(currentUser.id(), currentUser.sessionId());
    }

    /** Times on the page: UTC, to the minute. */
    public String time(Instant at) {
        return TIME.format(at);
    }

    public void cancel() {
        pendingAction = null;
        challengeId = null;
        currentPassword = null;
        newPassword = null;
        emailCodesWanted = null;
    }

    private void begin(String action) {
        try {
            challengeId = stepUp.begin(currentUser.id(), action);
            pendingAction = action;
        } catch (BusinessException e) {
            PageMessages.show(e, "security");
        }
    }

    public String getPendingAction() {
        return pendingAction;
    }

    public Boolean getEmailCodesWanted() {
        return emailCodesWanted;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
