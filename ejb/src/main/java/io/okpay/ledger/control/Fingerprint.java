package io.okpay.ledger.control;

import io.okpay.shared.crypto.Secrets;

/**
 * The SHA-256 of a request's canonical form, kept with its idempotency key: a retry with the same key must carry the
 * same fingerprint, or it is a different request reusing the key. Each part is written with its length, so that no
 * two different lists of parts give the same text.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(Object... parts) {
        StringBuilder canonical = new StringBuilder();
        for (Object part : parts) {
            String text = part == null ? "" : part.toString();
            canonical.append(part == null ? -1 : text.length()).append(':').append(text).append(';');
        }
        return Secrets.sha256(canonical.toString());
    }
}
