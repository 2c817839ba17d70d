package io.okpay.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Whether a request is for the API (bearer tokens, problem+json) or for the pages (session cookie, HTML). Decided on
 * the path the container mapped the request by, the servlet path and path info (decoded, normalised, without
 * {@code ;parameters}), never on the raw URI: {@code /%61pi/v1/me} and {@code /api;x/v1/me} reach the API servlet and
 * so are API requests, and a session cookie means nothing there. The first decision is kept on the request, so error
 * pages answer in the kind the request was routed as.
 */
public final class ApiRequests {

    private static final String DECIDED = ApiRequests.class.getName();

    private ApiRequests() {
    }

    public static boolean isApi(HttpServletRequest request) {
        if (request.getAttribute(DECIDED) instanceof Boolean decided) {
            return decided;
        }
        boolean api;
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // The container failed the request before any of our code saw it: only its URI is left.
            api = isApiPath(decodedPath((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    request.getContextPath()));
        } else {
            api = isApiPath(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
        }
        request.setAttribute(DECIDED, api);
        return api;
    }

    static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** A raw request URI as the container maps it: context path off, ";parameters" off each segment, decoded. */
    static String decodedPath(String rawUri, String contextPath) {
        if (rawUri == null) {
            return "";
        }
        String path = rawUri.startsWith(contextPath) ? rawUri.substring(contextPath.length()) : rawUri;
        StringBuilder plain = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            int parameters = segment.indexOf(';');
            plain.append(parameters < 0 ? segment : segment.substring(0, parameters)).append('/');
        }
        plain.setLength(Math.max(0, plain.length() - 1));
        try {
            return URLDecoder.decode(plain.toString().replace("+", "%2B"), StandardCharsets.UTF_8)
                    .replaceAll("/{2,}", "/");
        } catch (IllegalArgumentException malformed) {
            return plain.toString();
        }
    }
}
