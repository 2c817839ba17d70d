package io.okpay.identity.faces;

import io.okpay.identity.boundary.PasswordReset;
import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.PageMessages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** /identity/reset.xhtml?token=...: the link from the reset e-mail; sets a new password. */
@Named
@RequestScoped
public class ResetPasswordPage {

    @EJB
    PasswordReset passwordReset;

    private String token;
    private String password;

    public String submit() {
        try {
            passwordReset.confirm(token, password);
        } catch (BusinessException e) {
            PageMessages.show(e, "reset");
            return null;
        } finally {
            password = null;
        }
        PageMessages.info("reset.done");
        PageMessages.keepForRedirect();
        return "/signin.xhtml?faces-redirect=true";
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
