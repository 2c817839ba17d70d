package io.okpay.identity.faces;

import io.okpay.shared.web.ClientAddress;
import jakarta.inject.Inject;
import io.okpay.identity.boundary.PasswordReset;
import io.okpay.shared.faces.PageMessages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** /identity/forgot.xhtml: asks for a reset link; the answer is the same whether the address has an account or not. */
@Named
@RequestScoped
public class ForgotPasswordPage {

    @EJB
    PasswordReset passwordReset;

    @Inject
    ClientAddress clientAddress;

    private String email;

    public String submit() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        passwordReset.request(email, clientAddress.of(request));
        PageMessages.info("forgot.sent", email);
        email = null;
        return null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
