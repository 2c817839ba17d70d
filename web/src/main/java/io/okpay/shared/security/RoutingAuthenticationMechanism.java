package io.okpay.shared.security;

import io.okpay.identity.boundary.SignIns;
import io.okpay.identity.boundary.UserView;
import io.okpay.shared.web.ApiRequests;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one authentication mechanism the container sees (the form mechanism and MicroProfile JWT side by side are
 * ambiguous to CDI, WELD-001318, and every request fails with 500): requests the container routes to the API
 * ({@link ApiRequests}: by servlet path, so /%61pi/… and /api;x/… count too) go to MicroProfile JWT (bearer tokens
 * only; a session cookie means nothing there), everything else to the form sign-in (a bearer token
 * means nothing on pages). A bearer value that is not even shaped like a JWT is not MicroProfile JWT's business: the
 * request goes on anonymous, so an unknown path is still a 404 and a protected one a 401. A token that passed
 * MicroProfile JWT once is taken again without a second check until it expires ({@link VerifiedTokens}).
 * <p>
 * A signed-in page visitor is recognised from the session row that the sign-in opened, on every request and on
 * whichever instance of a cluster it lands, with the roles the user has now; once that row has ended, the visitor's
 * next request of the pages' side (pages and downloads alike) ends the HTTP session and goes to the sign-in page. The form mechanism's own remembered session is not used for that: under concurrent
 * requests Payara sometimes restores it without the groups, and the page answers 403 to a signed-in person
 * (payara/Payara#6145, seen here as soon as the integration tests ran side by side).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class RoutingAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    BeanManager beanManager;

    @EJB
    SignIns signIns;

    private final VerifiedTokens verified = new VerifiedTokens(Clock.systemUTC());

    private volatile HttpAuthenticationMechanism form;
    private volatile HttpAuthenticationMechanism jwt;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        HttpAuthenticationMechanism mechanism = pick(request);
        if (mechanism == jwt) {
            String authorization = request.getHeader("Authorization");
            if (!bearerLooksLikeJwt(authorization)) {
                // Another scheme's credentials (or none): the caller stays anonymous, and protected resources answer 401.
                return context.doNothing();
            }
            if (!authorization.startsWith("Bearer ")) {
                // Payara reads only "Bearer " exactly: whatever it makes of another spelling, it decides alone.
                return jwt.validateRequest(request, response, context);
            }
            return bearer(authorization.substring(7), request, response, context);
        }
        if (mechanism == form && !context.isAuthenticationRequest() && !SessionRows.isPageResource(request)) {
            Optional<UserView> signedIn = SessionRows.user(request, signIns);
            if (signedIn.isPresent()) {
                return context.notifyContainerAboutLogin(new CallerPrincipal(signedIn.get().id()),
                        signedIn.get().roles().stream().map(Enum::name).collect(Collectors.toSet()));
            }
            if (SessionRows.signedIn(request)) {
                // The row ended (signed out elsewhere, "end other sessions", a password reset, the absolute timeout):
                // the HTTP session ends here, before the form mechanism could restore what it remembered of it.
                request.getSession(false).invalidate();
                return context.redirect(request.getContextPath() + "/signin.xhtml?ended=true");
            }
        }
        return mechanism.validateRequest(request, response, context);
    }

    /**
     * A token verified here before (exactly this text, not expired) is taken as MicroProfile JWT took it then: its
     * principal (the token, which Payara also puts in the subject) and groups. Anything else gets the full check,
     * and is remembered if it passed.
     */
    private AuthenticationStatus bearer(String token, HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) throws AuthenticationException {
        Optional<VerifiedTokens.Verified> known = verified.find(token);
        if (known.isPresent()) {
            context.getClientSubject().getPrincipals().add(known.get().caller());
            return context.notifyContainerAboutLogin(known.get().caller(), known.get().groups());
        }
        AuthenticationStatus status = jwt.validateRequest(request, response, context);
        if (status == AuthenticationStatus.SUCCESS && context.getCallerPrincipal() instanceof JsonWebToken checked
                && checked.getExpirationTime() > 0) {
            verified.remember(token, checked, context.getGroups(), Instant.ofEpochSecond(checked.getExpirationTime()));
        }
        return status;
    }

    /** A bearer token made of three (JWS) or five (JWE) dot-separated parts: MicroProfile JWT decides on it. */
    static boolean bearerLooksLikeJwt(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        int parts = authorization.substring(7).trim().split("\\.", -1).length;
        return parts == 3 || parts == 5;
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        return pick(request).secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        pick(request).cleanSubject(request, response, context);
    }

    private HttpAuthenticationMechanism pick(HttpServletRequest request) {
        if (form == null) {
            resolve();
        }
        return ApiRequests.isApi(request) ? jwt : form;
    }

    private synchronized void resolve() {
        if (form != null) {
            return;
        }
        HttpAuthenticationMechanism foundForm = null;
        HttpAuthenticationMechanism foundJwt = null;
        List<String> others = new ArrayList<>();
        for (Bean<?> bean : beanManager.getBeans(HttpAuthenticationMechanism.class)) {
            if (bean.getBeanClass() == RoutingAuthenticationMechanism.class) {
                continue;
            }
            CreationalContext<?> creation = beanManager.createCreationalContext(bean);
            HttpAuthenticationMechanism mechanism = (HttpAuthenticationMechanism)
                    beanManager.getReference(bean, HttpAuthenticationMechanism.class, creation);
            // Soteria's form mechanism is a synthetic bean: its proxy's toString() names the class behind it.
            String name = (bean.getBeanClass().getName() + " " + mechanism).toLowerCase(Locale.ROOT);
            if (name.contains("jwt")) {
                foundJwt = mechanism;
            } else if (name.contains("form")) {
                foundForm = mechanism;
            } else {
                others.add(mechanism.toString());
            }
        }
        if (foundForm == null || foundJwt == null) {
            throw new IllegalStateException("Expected a form and a MicroProfile JWT authentication mechanism, found form="
                    + foundForm + " jwt=" + foundJwt + " others=" + others);
        }
        jwt = foundJwt;
        form = foundForm;
    }
}
