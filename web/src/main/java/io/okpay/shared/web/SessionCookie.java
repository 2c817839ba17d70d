package io.okpay.shared.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the session cookie {@code Secure} (sent over TLS only), unless {@value #SECURE_KEY} is false, which only the
 * plain-http run command sets: then the container marks it {@code Secure} on requests that came over TLS and leaves
 * it plain on http://localhost. The other attributes (HttpOnly, SameSite=Lax) are in web.xml.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    public static final String SECURE_KEY = "okpay.session.cookie-secure";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // False leaves the cookie to the container, which marks it Secure per request over TLS. Calling
        // setSecure(false) would make Payara mark it never Secure, not even over TLS.
        if (ConfigProvider.getConfig().getOptionalValue(SECURE_KEY, Boolean.class).orElse(true)) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
