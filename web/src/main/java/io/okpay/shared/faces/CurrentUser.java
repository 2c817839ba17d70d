package io.okpay.shared.faces;

import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.security.OkPayIdentityStore;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The signed-in person for pages and other features' beans: {@code #{currentUser.signedIn}},
 * {@code #{currentUser.user.displayName}}; {@link #id()} is the public user id ({@code usr_...}).
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    HttpServletRequest request;

    @EJB
    Users users;

    private UserView user;

    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    /** The public id of the signed-in user, or null. */
    public String id() {
        return isSignedIn() ? securityContext.getCallerPrincipal().getName() : null;
    }

    public UserView getUser() {
        if (user == null && isSignedIn()) {
            user = users.require(id());
        }
        return user;
    }

    /** The session row of this browser, or null. */
    public String sessionId() {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(OkPayIdentityStore.SESSION_ATTRIBUTE);
    }
}
