package io.okpay.identity.faces;

import io.okpay.identity.boundary.Users;
import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.PageMessages;
import io.okpay.shared.web.ClientAddress;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.util.Locale;

/**
 * /signup.xhtml: e-mail, username, password and language, and the browser's time zone from a hidden field; then a
 * verification link goes out by e-mail.
 */
@Named
@RequestScoped
public class SignUpPage {

    @EJB
    Users users;

    @Inject
    ClientAddress clientAddress;

    private String email;
    private String username;
    private String password;
    private String language;
    private String timeZone;

    public String submit() {
        try {
            String chosen = language == null || language.isBlank()
                    ? FacesContext.getCurrentInstance().getViewRoot().getLocale().toLanguageTag() : language;
            users.signUp(email, username, password, Locale.forLanguageTag(chosen), timeZone, clientAddress.of(
                    (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()));
        } catch (BusinessException e) {
            PageMessages.show(e, "signup");
            return null;
        }
        PageMessages.info("signup.done", email);
        PageMessages.keepForRedirect();
        return "/signin.xhtml?faces-redirect=true";
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
