package io.okpay.shared.security;

import io.okpay.identity.boundary.SignIns;
import io.okpay.identity.boundary.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/**
 * The session row a page visitor signed in with, read by the authentication mechanism on every request of the pages'
 * side: it recognises the visitor with it, or ends the HTTP session when the row has ended.
 */
final class SessionRows {

    private SessionRows() {
    }

    /** True when this HTTP session was opened by a sign-in (whether or not its row is still open). */
    static boolean signedIn(HttpServletRequest request) {
        return sessionId(request) != null;
    }

    /** The pages' own style and script files: they need no visitor. */
    static boolean isPageResource(HttpServletRequest request) {
        return request.getServletPath().startsWith("/jakarta.faces.resource/");
    }

    /** The user of the session row while that row is open; empty when it has ended or there is none. */
    static Optional<UserView> user(HttpServletRequest request, SignIns signIns) {
        String sessionId = sessionId(request);
        return sessionId == null ? Optional.empty() : signIns.session(sessionId);
    }

    private static String sessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(OkPayIdentityStore.SESSION_ATTRIBUTE);
    }
}
