package io.okpay.merchant.control;

import io.okpay.shared.crypto.Secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Secret API keys: {@code sk_} and 40 characters from a 33-letter alphabet (about 201 random bits), their hint and
 * their stored hash.
 */
public final class SecretKeys {

    public static final String PREFIX = "sk_";
    static final int RANDOM_CHARACTERS = 40;
    private static final SecureRandom RANDOM = new SecureRandom();
    // The alphabet of public ids: lower-case letters and digits without l, o, u.
    private static final char[] ALPHABET = "0123456789abcdefghijkmnpqrstvwxyz".toCharArray();

    private SecretKeys() {
    }

    public static String newSecret() {
        StringBuilder secret = new StringBuilder(PREFIX.length() + RANDOM_CHARACTERS).append(PREFIX);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            secret.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return secret.toString();
    }

    /** What the owner sees of a key after creation: enough to recognise it, far too little to guess it. */
    public static String hint(String secret) {
        return PREFIX + "…" + secret.substring(secret.length() - 4);
    }

    /**
     * SHA-256, hex. A fast hash is right here, unlike for passwords: the secret is ~200 random bits, so there is no
     * dictionary to try and brute force is hopeless whatever the speed, while every token exchange can check it
     * cheaply (and the unique hash column can find it).
     */
    public static String hash(String secret) {
        return Secrets.sha256(secret);
    }

    /** Compares the hash of a presented secret with a stored one in constant time. */
    public static boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
