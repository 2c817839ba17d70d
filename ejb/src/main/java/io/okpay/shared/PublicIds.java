package io.okpay.shared;

import java.security.SecureRandom;

/**
 * Opaque public ids with a type prefix ({@code txn_...}, {@code usr_...}): 20 random characters (100 bits), so they
 * can be shown to clients without revealing volumes or order, unlike database sequence numbers.
 */
public final class PublicIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    // Lower-case letters and digits without l, o, u (easy to misread or to spell words when read out to support).
    private static final char[] ALPHABET = "0123456789abcdefghijkmnpqrstvwxyz".toCharArray();

    private PublicIds() {
    }

    public static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix.length() + 21).append(prefix).append('_');
        for (int i = 0; i < 20; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
