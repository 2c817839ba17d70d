package io.okpay.funding.entity;

import java.util.Locale;

/**
 * The alphabet and the check character shared by top-up references and voucher codes.
 * <p>
 * The 31 symbols leave out 0/O and 1/I/L, which people confuse when reading a code aloud or typing it from paper.
 * The check character makes the weighted sum of all symbol values (weights 1, 2, 3 ...) divisible by 31; because 31
 * is prime and every weight is below it, any single wrong symbol and any two swapped symbols change that sum, so
 * such typing mistakes are caught without looking anything up.
 */
public final class CheckCharacter {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int BASE = ALPHABET.length();

    private CheckCharacter() {
    }

    /** The symbol to append to {@code payload} (symbols of {@link #ALPHABET} only, at most 29 of them). */
    public static char of(String payload) {
        if (payload.length() + 1 >= BASE) {
            throw new IllegalArgumentException("payload too long for a mod-" + BASE + " check character");
        }
        int sum = weightedSum(payload);
        int weight = payload.length() + 1;
        // sum + weight * check = 0 (mod 31): check = -sum * weight^-1; the inverse by Fermat (weight^(31-2)).
        int inverse = java.math.BigInteger.valueOf(weight).modPow(java.math.BigInteger.valueOf(BASE - 2L),
                java.math.BigInteger.valueOf(BASE)).intValue();
        int check = Math.floorMod(-sum * inverse, BASE);
        return ALPHABET.charAt(check);
    }

    /** Whether the last symbol of {@code code} is the right check character for the others. */
    public static boolean isValid(String code) {
        if (code.length() < 2 || code.length() >= BASE) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return weightedSum(code) % BASE == 0;
    }

    /** What a person typed, in canonical form: upper case, without spaces or hyphens. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static String random(java.security.SecureRandom random, int length) {
        StringBuilder symbols = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            symbols.append(ALPHABET.charAt(random.nextInt(BASE)));
        }
        return symbols.toString();
    }

    private static int weightedSum(String symbols) {
        int sum = 0;
        for (int i = 0; i < symbols.length(); i++) {
            sum = (sum + (i + 1) * ALPHABET.indexOf(symbols.charAt(i))) % BASE;
        }
        return sum;
    }
}
