package io.okpay.identity.faces;

import io.okpay.identity.boundary.SignIns;
import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.PageMessages;
import io.okpay.shared.security.SignInCredential;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import io.okpay.shared.web.ClientAddress;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Serializable;

/**
 * /signin.xhtml: the password, then the one-time code sent for this sign-in (none on a remembered device when the
 * person asks only on a new device; that device's cookie is written here). Wrong
 * e-mail and wrong password read the same. Afterwards the person lands on the page they came from: a protected page
 * (the container remembers it), or {@code ?return=} with a local path (the checkout page), else the wallet.
 */
@Named
@ViewScoped
public class SignInPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SignIns signIns;

    @Inject
    transient SecurityContext securityContext;

    @Inject
    transient ClientAddress clientAddress;

    private String email;
    private String password;
    private String code;
    private String signInId;
    private String challengeId;
    private String channel;
    private boolean recoveryCodes;
    private String returnTo;

    public void signIn() throws IOException {
        HttpServletRequest request = request();
        SignIns.Step step;
        try {
            step = signIns.begin(email, password, clientAddress.of(request), device(request), DeviceCookie.read(request));
        } catch (BusinessException e) {
            PageMessages.show(e, "signin");
            return;
        } finally {
            password = null;
        }
        signInId = step.signInId();
        challengeId = step.challengeId();
        channel = step.channel();
        recoveryCodes = step.recoveryCodes();
        if (!step.codeRequired()) {
            finish(null, null);
        }
    }

    public void verifyCode() throws IOException {
        finish(challengeId, code);
        code = null;
    }

    /** A new code replaces the one sent before; the field is emptied, as what was typed there no longer works. */
    public void resendCode() {
        code = null;
        try {
            signIns.resendCode(signInId, challengeId);
            PageMessages.info("code.resent");
        } catch (BusinessException e) {
            if (e.code().startsWith("resend_")) {
                PageMessages.show(e, "code");
                return;
            }
            // This sign-in or its code is over (expired, out of tries): start again from the password.
            restart();
            PageMessages.show(e, "signin");
        }
    }

    public void restart() {
        signInId = null;
        challengeId = null;
        code = null;
    }

    /** EMAIL, SMS or TOTP: where the code of this sign-in comes from. */
    public String getChannel() {
        return channel;
    }

    /** Whether the person has recovery codes left: only then does the prompt offer them. */
    public boolean isRecoveryCodes() {
        return recoveryCodes;
    }

    public boolean isCodeStep() {
        return challengeId != null;
    }

    /** Completes the sign-in with the code (null when none is due); a device remembered by it gets its cookie. */
    private void finish(String challenge, String answer) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = request();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        SignInCredential credential = new SignInCredential(signInId, challenge, answer,
                DeviceCookie.read(request), token -> DeviceCookie.write(request, response, token, signIns.rememberedDeviceLifetime()));
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(external.getRequestContextPath()
                    + ReturnPaths.local(returnTo).orElse("/wallet/home.xhtml"));
            default -> {
                BusinessException refusal = credential.refusal();
                if (refusal != null && refusal.code().startsWith("code_") && !"code_expired".equals(refusal.code())
                        && !"code_attempts_exceeded".equals(refusal.code())) {
                    PageMessages.show(refusal, "code");
                    return;
                }
                // Expired sign-in or challenge: start again from the password.
                restart();
                PageMessages.show(refusal == null ? new BusinessException("sign_in_expired") : refusal, "signin");
            }
        }
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    static String device(HttpServletRequest request) {
        return io.okpay.shared.RequestOrigins.device(request.getHeader("User-Agent"));
    }

    /** Where to go after signing in ({@code ?return=}, a local path only); the wallet's home page otherwise. */
    public String getReturnTo() {
        return returnTo;
    }

    public void setReturnTo(String returnTo) {
        this.returnTo = returnTo;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
