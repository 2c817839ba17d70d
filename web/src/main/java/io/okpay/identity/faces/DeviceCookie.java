package io.okpay.identity.faces;

import io.okpay.shared.web.SessionCookie;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;

/**
 * The cookie of a remembered device ("ask for a code only on a new device"): the signed token that
 * io.okpay.identity.control.RememberedDevices made, HttpOnly, SameSite=Lax, for the device's 30 days; Secure as the
 * session cookie is ({@code okpay.session.cookie-secure}, and always over TLS). The browser keeps it across sign-outs;
 * the server can forget it at any time.
 */
public final class DeviceCookie {

    public static final String NAME = "okpay_device";

    private DeviceCookie() {
    }

    /** What this browser carries, or null. */
    public static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, String value, Duration lifetime) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure() || ConfigProvider.getConfig()
                .getOptionalValue(SessionCookie.SECURE_KEY, Boolean.class).orElse(true));
        cookie.setMaxAge((int) lifetime.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
