package io.okpay.shared.web;

import io.okpay.shared.RequestIds;
import io.okpay.shared.rest.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the container sends the errors it raises itself (web.xml's error pages): an unknown path, a method or media
 * type the servlet refuses, a sign-in the API's token check refused, an exception outside JAX-RS. A request routed to
 * the API ({@link ApiRequests}) gets application/problem+json like every other API error, in the caller's language;
 * a page request gets the page for it: not found, something went wrong, or a request that could not be handled.
 */
@WebServlet(ErrorPages.PATH)
public class ErrorPages extends HttpServlet {

    public static final String PATH = "/error/answer";
    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 404;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null || status >= 500) {
            status = 500;
        }
        Object requestId = request.getAttribute(RequestFilter.REQUEST_ID_HEADER);
        if (requestId == null) {
            // Refused before our request filter ran (the token check, for one): the id is made here.
            requestId = RequestIds.accept(request.getHeader(RequestFilter.REQUEST_ID_HEADER));
            request.setAttribute(RequestFilter.REQUEST_ID_HEADER, requestId);
            response.setHeader(RequestFilter.REQUEST_ID_HEADER, (String) requestId);
        }
        if (failure != null) {
            LOG.log(Level.SEVERE, "Unexpected failure, request " + requestId, failure);
        }
        if (ApiRequests.isApi(request)) {
            RequestIds.set((String) requestId);
            try {
                String problem = Problems.document(status, RequestFilter.preferredLocale(request));
                response.setStatus(Problems.answeredStatus(status));
                response.setContentType(Problems.PROBLEM_JSON.toString());
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(problem);
            } finally {
                RequestIds.clear();
            }
            return;
        }
        String page = switch (status) {
            case 404 -> "/error/not-found.xhtml";
            case 500 -> "/error/error.xhtml";
            default -> "/error/request.xhtml";
        };
        response.setStatus(status);
        // Error dispatches pass no filter: the page gets the language the request asked for here.
        request.getRequestDispatcher(page).forward(RequestFilter.withLocale(request, RequestFilter.preferredLocale(request)),
                response);
    }
}
