package io.okpay.shared.faces;

import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.TimeZones;
import io.okpay.shared.security.OkPayIdentityStore;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Instant;
import java.time.ZoneId;

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

    /**
     * Forgets the user read earlier in this request. The security page calls it after a change: its forms' conditions
     * read the user before the change was applied, and the page must show the settings as they are now.
     */
    public void refresh() {
        user = null;
    }

    /** The zone the signed-in person reads dates in; UTC for someone not signed in. */
    public ZoneId zone() {
        return isSignedIn() ? getUser().timeZone() : TimeZones.UTC;
    }

    /** A moment as this person reads it: their zone, to the minute, with its offset ({@code #{currentUser.time(at)}}). */
    public String time(Instant at) {
        return TimeZones.format(at, zone(), request.getLocale());
    }

    /** The session row of this browser, or null. */
    public String sessionId() {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(OkPayIdentityStore.SESSION_ATTRIBUTE);
    }
}
