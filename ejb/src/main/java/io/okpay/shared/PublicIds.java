package io.okpay.shared;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Opaque public ids with a type prefix ({@code txn_...}, {@code usr_...}): 20 random characters (100 bits), so they
 * can be shown to clients without revealing volumes or order, unlike database sequence numbers.
 */
public final class PublicIds {

    /**
     * One generator per thread: a shared NativePRNG reads /dev/urandom under one JVM-wide lock, twenty times per id,
     * and request threads queued on it (the most contended monitor after the connection pool's in a profile). DRBG
     * instances keep their own state, seeded once from the system's entropy.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(PublicIds::generator);
    // Lower-case letters and digits without l, o, u (easy to misread or to spell words when read out to support).
    private static final char[] ALPHABET = "0123456789abcdefghijkmnpqrstvwxyz".toCharArray();

    private PublicIds() {
    }

    public static String newId(String prefix) {
        SecureRandom random = RANDOM.get();
        StringBuilder id = new StringBuilder(prefix.length() + 21).append(prefix).append('_');
        for (int i = 0; i < 20; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
