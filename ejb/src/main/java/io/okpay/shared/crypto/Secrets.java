package io.okpay.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random tokens, public ids and one-time codes from a CSPRNG, and SHA-256 in hex: the one place OKPay computes it
 * (stored tokens and keys, request fingerprints, voucher codes, statement ids, the audit chain, event ids).
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_ALPHABET = "0123456789abcdefghijkmnpqrstvwxyz".toCharArray();

    private Secrets() {
    }

    /** 256 random bits, URL-safe: for links and refresh tokens. */
    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An opaque public id such as {@code usr_3k9...}: 20 characters of about 5 bits each. */
    public static String publicId(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 20; i++) {
            id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        return id.toString();
    }

    /** Six decimal digits, uniformly distributed, leading zeros kept. */
    public static String sixDigitCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /**
     * Lower-case hex SHA-256 of the text's UTF-8 bytes. Enough for high-entropy tokens and for fingerprints; never for
     * passwords or short codes (a fast hash of a guessable value is a lookup table away).
     */
    public static String sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
