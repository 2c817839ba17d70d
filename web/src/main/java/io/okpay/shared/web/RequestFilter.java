package io.okpay.shared.web;

import io.okpay.shared.Messages;
import io.okpay.shared.RequestIds;
import io.okpay.shared.RequestOrigins;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * First thing every request meets: gives it a request id (header X-Request-Id, echoed in errors and logs), notes where
 * it comes from ({@link RequestOrigins}: the client's address and User-Agent, for the risk rules), sets the
 * security headers, and fixes its language: ?lang= (remembered in a cookie), else that cookie, else Accept-Language.
 * The chosen locale replaces the request's own, so Faces and the API pick the same language without asking again.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestFilter extends HttpFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String LANGUAGE_COOKIE = "okpay_lang";

    // No inline script or style anywhere: the pages use only files served by OKPay itself.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'%s; frame-ancestors 'none'";

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestId = RequestIds.accept(request.getHeader(REQUEST_ID_HEADER));
        RequestIds.set(requestId);
        RequestOrigins.set(clientAddress.of(request), request.getHeader("User-Agent"));
        request.setAttribute(REQUEST_ID_HEADER, requestId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        setSecurityHeaders(request, response);
        try {
            chain.doFilter(withLocale(request, chooseLocale(request, response)), response);
        } finally {
            RequestIds.clear();
            RequestOrigins.clear();
        }
    }

    /**
     * The same policy, letting this page's forms also end at these origins ("https://shop.example"): browsers apply
     * form-action to the redirect after a form is posted, as when the checkout page sends the payer back to the shop.
     */
    public static void allowFormTargets(HttpServletResponse response, Collection<String> origins) {
        StringBuilder targets = new StringBuilder();
        for (String origin : origins) {
            if (origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
                targets.append(' ').append(origin);
            }
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY.formatted(targets));
    }

    private static void setSecurityHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY.formatted(""));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    private static Locale chooseLocale(HttpServletRequest request, HttpServletResponse response) {
        String asked = request.getParameter("lang");
        if (asked != null && !asked.isBlank()) {
            Locale locale = preferredLocale(request);
            Cookie cookie = new Cookie(LANGUAGE_COOKIE, locale.toLanguageTag());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            return locale;
        }
        return preferredLocale(request);
    }

    /**
     * The language a request asks for without choosing it anew: its {@code lang} parameter, its language cookie, else
     * Accept-Language. For answers the container makes before this filter runs or after it has finished (its own
     * errors: a page not found at {@code ?lang=zh-CN} answers in Chinese).
     */
    public static Locale preferredLocale(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if (asked != null && !asked.isBlank()) {
            return Messages.supported(Locale.forLanguageTag(asked.replace('_', '-')));
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (LANGUAGE_COOKIE.equals(cookie.getName())) {
                    return Messages.supported(Locale.forLanguageTag(cookie.getValue()));
                }
            }
        }
        // Accept-Language in the caller's order of preference: the first language OKPay speaks wins.
        for (Enumeration<Locale> wanted = request.getLocales(); wanted.hasMoreElements(); ) {
            Locale locale = wanted.nextElement();
            if ("zh".equals(locale.getLanguage()) || "en".equals(locale.getLanguage())) {
                return Messages.supported(locale);
            }
        }
        return Messages.ENGLISH;
    }

    /** The request as seen in {@code locale}: pages render in the request's locale. */
    static HttpServletRequest withLocale(HttpServletRequest request, Locale locale) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public Locale getLocale() {
                return locale;
            }

            @Override
            public Enumeration<Locale> getLocales() {
                return Collections.enumeration(java.util.List.of(locale));
            }
        };
    }
}
