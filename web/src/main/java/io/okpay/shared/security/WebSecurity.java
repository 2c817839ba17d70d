package io.okpay.shared.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * How callers are recognised. Pages: our own sign-in page (password, then a one-time code when needed), which hands a
 * {@link SignInCredential} to {@link OkPayIdentityStore}; a protected page opened while signed out leads there and
 * back again afterwards. API: bearer access tokens checked by Payara's MicroProfile JWT against OKPay's own keys.
 * {@link RoutingAuthenticationMechanism} keeps the two apart.
 */
@LoginConfig(authMethod = "MP-JWT")
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/signin.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"USER", "MERCHANT", "SUPPORT", "COMPLIANCE", "FINANCE", "ADMIN"})
@ApplicationScoped
public class WebSecurity {
}
