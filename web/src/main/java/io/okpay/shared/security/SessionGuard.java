package io.okpay.shared.security;

import io.okpay.identity.boundary.SignIns;
import io.okpay.shared.web.ApiRequests;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * Ends a signed-in HTTP session whose session row has ended (signed out elsewhere, "end other sessions", password
 * reset) or passed the absolute timeout, on whichever instance of a cluster the request lands. Every request of the
 * pages' side passes here, pages and downloads alike (the CSV exports are servlets, not pages); the API does not use
 * sessions, and the pages' own style and script files need no check.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SessionGuard extends HttpFilter {

    @EJB
    SignIns signIns;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SessionRows.signedIn(request) && !ApiRequests.isApi(request) && !SessionRows.isPageResource(request)
                && SessionRows.user(request, signIns).isEmpty()) {
            HttpSession session = request.getSession(false);
            request.logout();
            session.invalidate();
            response.sendRedirect(request.getContextPath() + "/signin.xhtml?ended=true");
            return;
        }
        chain.doFilter(request, response);
    }
}
