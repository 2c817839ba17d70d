package io.okpay.funding.entity;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code a person writes in the payment reference of a bank transfer, so the incoming money finds its top-up:
 * {@code OKP-7KX9-2M4Q}, seven random symbols and a check character ({@link CheckCharacter}), about 27 billion
 * possibilities. Unique by the database constraint of the top-up that carries it: on a collision, generate another.
 */
public final class TopUpReference {

    public static final String PREFIX = "OKP";
    private static final int RANDOM_SYMBOLS = 7;
    /**
     * OKP, then the eight symbols, in groups of four, with or without separators: banks drop hyphens, add spaces, and
     * some run the reference into the next word. The check character keeps look-alikes out.
     */
    private static final Pattern IN_TEXT = Pattern.compile(
            "OKP[\\s-]*([" + CheckCharacter.ALPHABET + "]{4})[\\s-]*([" + CheckCharacter.ALPHABET + "]{4})");

    private final String symbols;

    private TopUpReference(String symbols) {
        this.symbols = symbols;
    }

    public static TopUpReference generate(SecureRandom random) {
        String payload = CheckCharacter.random(random, RANDOM_SYMBOLS);
        return new TopUpReference(payload + CheckCharacter.of(payload));
    }

    /** A reference as typed or stored ({@code okp-7kx9 2m4q} works too); empty when it is not a valid reference. */
    public static Optional<TopUpReference> parse(String typed) {
        String canonical = CheckCharacter.normalise(typed);
        if (!canonical.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String symbols = canonical.substring(PREFIX.length());
        return symbols.length() == RANDOM_SYMBOLS + 1 && CheckCharacter.isValid(symbols)
                ? Optional.of(new TopUpReference(symbols))
                : Optional.empty();
    }

    /**
     * The first valid reference in a free text such as a bank statement's remittance information
     * ("Top-up OKP 7KX9 2M4Q thank you"); a look-alike with a wrong check character is passed over.
     */
    public static Optional<TopUpReference> findIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = IN_TEXT.matcher(text.toUpperCase(java.util.Locale.ROOT));
        while (matcher.find()) {
            Optional<TopUpReference> found = parse(PREFIX + matcher.group(1) + matcher.group(2));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The reference as shown and stored: {@code OKP-7KX9-2M4Q}. */
    public String value() {
        return PREFIX + "-" + symbols.substring(0, 4) + "-" + symbols.substring(4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopUpReference reference && reference.symbols.equals(symbols);
    }

    @Override
    public int hashCode() {
        return symbols.hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}
