package io.okpay.identity.faces;

import io.okpay.identity.boundary.Users;
import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * /identity/verify.xhtml?token=...: the link from the e-mail. Confirming takes a button press (a POST), so mail
 * scanners that open links do not use the token up.
 */
@Named
@RequestScoped
public class VerifyPage {

    @EJB
    Users users;

    @Inject
    CurrentUser currentUser;

    private String token;

    public String confirm() {
        try {
            users.verifyEmail(token);
        } catch (BusinessException e) {
            PageMessages.show(e, "verify");
            return null;
        }
        PageMessages.info("verify.done");
        PageMessages.keepForRedirect();
        return (currentUser.isSignedIn() ? "/identity/account.xhtml" : "/signin.xhtml") + "?faces-redirect=true";
    }

    /** From the account page: a new link, at most once a minute. */
    public String resend() {
        try {
            users.resendVerification(currentUser.id());
            PageMessages.info("verify.resent");
        } catch (BusinessException e) {
            PageMessages.show(e, "resend");
        }
        return null;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
