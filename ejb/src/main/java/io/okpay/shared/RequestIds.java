package io.okpay.shared;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The id of the request being served, set by the web tier for the thread that serves it, so that the log line of a
 * failure and the response the client sees carry the same id.
 */
public final class RequestIds {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijkmnpqrstvwxyz".toCharArray();

    private RequestIds() {
    }

    /** Keeps a caller's own id when it is a plain token, so their logs and ours match; otherwise makes a new one. */
    public static String accept(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : newId();
    }

    public static String newId() {
        StringBuilder id = new StringBuilder("req_");
        for (int i = 0; i < 20; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    public static void set(String id) {
        CURRENT.set(id);
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** The current request id, or "-" outside a request (timers, start-up). */
    public static String current() {
        String id = CURRENT.get();
        return id == null ? "-" : id;
    }
}
