package io.okpay.identity.faces;

import io.okpay.shared.web.QrCodes;

import io.okpay.identity.boundary.AccountSecurity;
import io.okpay.identity.boundary.StepUp;
import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * /identity/security.xhtml: change the password; turn one-time codes by e-mail on or off; ask for them at every
 * sign-in or only on a new device, and forget the remembered devices; set up or remove an
 * authenticator app; renew recovery codes; see where one is signed in and sign out elsewhere. Each change first sends
 * a step-up code (on the person's strongest factor), then applies with it.
 */
@Named
@ViewScoped
public class SecurityPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What waits for its step-up code. */
    public enum Pending { PASSWORD, EMAIL, PHONE, EMAIL_CODES_ON, EMAIL_CODES_OFF, ASK_EVERY_SIGN_IN, ASK_ON_NEW_DEVICE, TOTP_START, TOTP_OFF, RECOVERY_CODES }

    @EJB
    transient AccountSecurity accountSecurity;

    @EJB
    transient StepUp stepUp;

    @Inject
    transient CurrentUser currentUser;

    private Pending pending;
    private String challengeId;
    private String currentPassword;
    private String newPassword;
    private String code;
    private String totpSecret;
    private String totpQr;
    private String totpCode;
    private List<String> recoveryCodes;
    private String newEmail;
    private String phone;
    private String phoneChallengeId;
    private String phoneCode;

    public void requestPasswordChange() {
        begin(Pending.PASSWORD);
    }

    public void requestEmailCodes(boolean on) {
        begin(on ? Pending.EMAIL_CODES_ON : Pending.EMAIL_CODES_OFF);
    }

    /** Every sign-in asks for a code ({@code false}), or only a new device ({@code true}): after a step-up code. */
    public void requestAskCodes(boolean onlyOnNewDevice) {
        begin(onlyOnNewDevice ? Pending.ASK_ON_NEW_DEVICE : Pending.ASK_EVERY_SIGN_IN);
    }

    /** "Forget my devices": tightening needs no code. */
    public void forgetDevices() {
        PageMessages.info("security.ask.forgotten", Integer.toString(accountSecurity.forgetDevices(currentUser.id())));
    }

    public String getRememberedDevices() {
        return Long.toString(accountSecurity.rememberedDevices(currentUser.id()));
    }

    public void requestEmailChange() {
        begin(Pending.EMAIL);
    }

    public void requestPhone() {
        begin(Pending.PHONE);
    }

    public void requestTotp() {
        begin(Pending.TOTP_START);
    }

    public void requestTotpRemoval() {
        begin(Pending.TOTP_OFF);
    }

    public void requestRecoveryCodes() {
        begin(Pending.RECOVERY_CODES);
    }

    public void confirm() {
        String user = currentUser.id();
        try {
            switch (pending) {
                case PASSWORD -> {
                    accountSecurity.changePassword(user, currentUser.sessionId(), currentPassword, newPassword, challengeId, code);
                    PageMessages.info("security.password.changed");
                }
                case EMAIL -> {
                    accountSecurity.changeEmail(user, newEmail, challengeId, code);
                    PageMessages.info("security.email.changed", newEmail);
                }
                case PHONE -> phoneChallengeId = accountSecurity.startPhone(user, phone, challengeId, code);
                case EMAIL_CODES_ON, EMAIL_CODES_OFF -> {
                    boolean on = pending == Pending.EMAIL_CODES_ON;
                    accountSecurity.useEmailCodes(user, on, challengeId, code);
                    PageMessages.info(on ? "security.codes.on" : "security.codes.off");
                }
                case ASK_EVERY_SIGN_IN, ASK_ON_NEW_DEVICE -> {
                    boolean onlyNew = pending == Pending.ASK_ON_NEW_DEVICE;
                    accountSecurity.askCodes(user, onlyNew, challengeId, code);
                    PageMessages.info(onlyNew ? "security.ask.new-device-set" : "security.ask.every-set");
                }
                case TOTP_START -> {
                    AccountSecurity.TotpEnrollment enrollment = accountSecurity.startTotp(user, challengeId, code);
                    totpSecret = enrollment.secret();
                    totpQr = QrCodes.svgDataUri(enrollment.uri());
                }
                case TOTP_OFF -> {
                    accountSecurity.disableTotp(user, challengeId, code);
                    PageMessages.info("security.totp.off");
                }
                case RECOVERY_CODES -> recoveryCodes = accountSecurity.newRecoveryCodes(user, challengeId, code);
            }
            cancel();
        } catch (BusinessException e) {
            PageMessages.show(e, "confirm");
            if (!"code_invalid".equals(e.code())) {
                cancel();
            }
        } finally {
            code = null;
            currentUser.refresh();
        }
    }

    /** The first code from the newly set-up app turns it on; the recovery codes are shown once. */
    public void confirmTotp() {
        try {
            recoveryCodes = accountSecurity.confirmTotp(currentUser.id(), totpCode);
            totpSecret = null;
            totpQr = null;
            PageMessages.info("security.totp.on");
        } catch (BusinessException e) {
            PageMessages.show(e, "totp-confirm");
        } finally {
            totpCode = null;
            currentUser.refresh();
        }
    }

    /** The code the new number received turns SMS codes on; the recovery codes are shown once. */
    public void confirmPhone() {
        try {
            recoveryCodes = accountSecurity.confirmPhone(currentUser.id(), phoneChallengeId, phoneCode);
            phoneChallengeId = null;
            PageMessages.info("security.sms.on");
        } catch (BusinessException e) {
            PageMessages.show(e, "phone-confirm");
            if (!"code_invalid".equals(e.code())) {
                phoneChallengeId = null;
            }
        } finally {
            phoneCode = null;
            currentUser.refresh();
        }
    }

    /** The step-up code again; only the new one works, so the field is emptied. */
    public void resendCode() {
        code = null;
        try {
            challengeId = stepUp.sendAgain(currentUser.id(), challengeId, action(pending));
            PageMessages.info("code.resent");
        } catch (BusinessException e) {
            PageMessages.show(e, "confirm");
        }
    }

    /** The code to the new phone number again. */
    public void resendPhoneCode() {
        phoneCode = null;
        try {
            stepUp.resend(currentUser.id(), phoneChallengeId);
            PageMessages.info("code.resent");
        } catch (BusinessException e) {
            PageMessages.show(e, "phone-confirm");
        }
    }

    public void endOtherSessions() {
        accountSecurity.endOtherSessions(currentUser.id(), currentUser.sessionId());
        PageMessages.info("security.sessions.ended");
    }

    public List<AccountSecurity.SignInView> getRecentSignIns() {
        return accountSecurity.recentSignIns(currentUser.id(), 10, locale());
    }

    public List<AccountSecurity.SessionView> getSessions() {
        return accountSecurity.activeSessions(currentUser.id(), currentUser.sessionId(), locale());
    }

    /** Times on the page: the person's time zone, to the minute. */
    public String time(Instant at) {
        return currentUser.time(at);
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public void cancel() {
        pending = null;
        challengeId = null;
        currentPassword = null;
        newPassword = null;
        newEmail = null;
    }

    public void dismissRecoveryCodes() {
        recoveryCodes = null;
    }

    private void begin(Pending what) {
        try {
            challengeId = stepUp.begin(currentUser.id(), action(what));
            pending = what;
        } catch (BusinessException e) {
            PageMessages.show(e, "security");
        }
    }

    private static String action(Pending what) {
        return switch (what) {
            case PASSWORD -> AccountSecurity.CHANGE_PASSWORD;
            case EMAIL -> AccountSecurity.CHANGE_EMAIL;
            default -> AccountSecurity.CHANGE_SECOND_FACTOR;
        };
    }

    public Pending getPending() {
        return pending;
    }

    public String getTotpSecret() {
        return totpSecret;
    }

    public String getTotpQr() {
        return totpQr;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getPhoneChallengeId() {
        return phoneChallengeId;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getPhoneCode() {
        return phoneCode;
    }

    public void setPhoneCode(String phoneCode) {
        this.phoneCode = phoneCode;
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

    public String getTotpCode() {
        return totpCode;
    }

    public void setTotpCode(String totpCode) {
        this.totpCode = totpCode;
    }
}
