package io.okpay.shared;

import java.util.Optional;

/**
 * Where the request being served comes from (the client's address as the throttles count it, and its User-Agent),
 * set by the web tier for the thread that serves it, like {@link RequestIds}: the risk rules weigh a money operation
 * from a device or address the person never signed in from. Empty outside a request (timers, start-up).
 */
public final class RequestOrigins {

    /** The client's IP address and its device (User-Agent, at most 255 characters, "-" when none was sent). */
    public record Origin(String ip, String device) {
    }

    private static final ThreadLocal<Origin> CURRENT = new ThreadLocal<>();

    private RequestOrigins() {
    }

    public static void set(String ip, String userAgent) {
        CURRENT.set(new Origin(ip, device(userAgent)));
    }

    public static void clear() {
        CURRENT.remove();
    }

    public static Optional<Origin> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** A User-Agent as sign-ins store it: "-" when none, cut to 255 characters. */
    public static String device(String userAgent) {
        return userAgent == null ? "-" : userAgent.length() > 255 ? userAgent.substring(0, 255) : userAgent;
    }
}
