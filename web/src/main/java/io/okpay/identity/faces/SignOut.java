package io.okpay.identity.faces;

import io.okpay.identity.boundary.SignIns;
import io.okpay.shared.faces.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** The sign-out button of the account menu (a POST, so another site cannot sign people out). */
@Named
@RequestScoped
public class SignOut {

    @EJB
    SignIns signIns;

    @Inject
    CurrentUser currentUser;

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        signIns.signOut(currentUser.sessionId());
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/signin.xhtml?signedOut=true");
    }
}
