package io.okpay.identity.faces;

import java.util.Optional;

/**
 * Where the sign-in page may send a person afterwards ({@code /signin.xhtml?return=...}): only a path of this OKPay
 * ("/checkout/pay.xhtml?session=cs_..."), never another site, so a crafted link cannot use our sign-in to send people
 * elsewhere ("//evil.example", "/\evil.example", "https://evil.example" and control characters are refused).
 */
public final class ReturnPaths {

    static final int MAX_LENGTH = 1000;

    private ReturnPaths() {
    }

    /** The path when it is a safe local one, else empty. */
    public static Optional<String> local(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/') {
            return Optional.empty();
        }
        if (path.startsWith("//") || path.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x21 || c == 0x7f) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }
}
