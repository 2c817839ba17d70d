package io.okpay.shared.security;

import io.okpay.identity.boundary.SignIns;
import io.okpay.identity.boundary.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/**
 * The session row a page visitor signed in with, read at most once per request by the authentication mechanism, which
 * recognises the visitor with it or ends the HTTP session when the row has ended.
 */
final class SessionRows {

    private static final String READ = SessionRows.class.getName();

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
    @SuppressWarnings("unchecked")
    static Optional<UserView> user(HttpServletRequest request, SignIns signIns) {
        if (request.getAttribute(READ) instanceof Optional<?> read) {
            return (Optional<UserView>) read;
        }
        String sessionId = sessionId(request);
        Optional<UserView> user = sessionId == null ? Optional.empty() : signIns.session(sessionId);
        request.setAttribute(READ, user);
        return user;
    }

    private static String sessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(OkPayIdentityStore.SESSION_ATTRIBUTE);
    }
}
