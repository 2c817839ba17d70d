package io.okpay.support.chat;

import io.okpay.identity.boundary.SignIns;
import io.okpay.identity.boundary.UserView;
import io.okpay.shared.security.OkPayIdentityStore;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Every request under /ws/ (the chat's WebSocket handshakes) before the container upgrades it: 403 unless it comes
 * from one of OKPay's own pages (Origin: okpay.base-url's origin, or the origin the request itself was sent to — a
 * page of another site cannot open a socket with the visitor's cookies) and from a signed-in page session whose
 * session row is still open (the operator's console: a SUPPORT operator). Declared filters run before the WebSocket
 * container's own (it maps itself after them), so a refused handshake never reaches an endpoint.
 */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class ChatHandshakeFilter extends HttpFilter {

    @EJB
    SignIns signIns;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String baseUrl;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!sameOrigin(request.getHeader("Origin"), baseUrl, request.getScheme(), request.getHeader("Host"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Optional<UserView> user = signedIn(request);
        boolean desk = request.getRequestURI().substring(request.getContextPath().length())
                .startsWith(DeskChatEndpoint.PATH);
        if (user.isEmpty() || desk && user.get().roles().stream().map(Enum::name).noneMatch("SUPPORT"::equals)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<UserView> signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object row = session == null ? null : session.getAttribute(OkPayIdentityStore.SESSION_ATTRIBUTE);
        return row instanceof String id ? signIns.session(id) : Optional.empty();
    }

    /** The Origin is OKPay's configured address, or the scheme and host the request was sent to. */
    static boolean sameOrigin(String origin, String baseUrl, String scheme, String host) {
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return false;
        }
        String asked = origin.strip().toLowerCase(Locale.ROOT);
        return asked.equals(origin(baseUrl))
                || host != null && asked.equals((scheme + "://" + host.strip()).toLowerCase(Locale.ROOT));
    }

    /** scheme://host[:port] of a URL, lower case, without a default port; "" when it is not one. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
