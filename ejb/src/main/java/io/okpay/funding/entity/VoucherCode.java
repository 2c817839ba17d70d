package io.okpay.funding.entity;

import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.crypto.Secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;

/**
 * An e-money voucher code: 19 symbols from a CSPRNG and a check character ({@link CheckCharacter}), shown in groups
 * of four ({@code 7KX9-2M4Q-...}). That is about 94 bits of chance, so a fast unsalted SHA-256 is enough to store it:
 * nobody can try enough codes against a stolen hash, and a fixed hash lets redemption find the voucher by it. The
 * code itself is shown once when issued and never stored or logged; {@link #toString()} shows the last group only.
 */
public final class VoucherCode {

    public static final String FIELD = "code";
    private static final int RANDOM_SYMBOLS = 19;
    private static final int LENGTH = RANDOM_SYMBOLS + 1;

    private final String symbols;

    private VoucherCode(String symbols) {
        this.symbols = symbols;
    }

    public static VoucherCode generate(SecureRandom random) {
        String payload = CheckCharacter.random(random, RANDOM_SYMBOLS);
        return new VoucherCode(payload + CheckCharacter.of(payload));
    }

    /**
     * The code as a person typed it (any case, with or without hyphens and spaces). A mistyped code is refused here,
     * before any database lookup, with a 400 on the field {@code code}.
     */
    public static VoucherCode parse(String typed) {
        String canonical = CheckCharacter.normalise(typed);
        if (canonical.isEmpty()) {
            throw BusinessException.invalid(List.of(new FieldError(FIELD, "voucher_code_required")));
        }
        if (canonical.length() != LENGTH || !CheckCharacter.isValid(canonical)) {
            throw BusinessException.invalid(List.of(new FieldError(FIELD, "voucher_code_invalid")));
        }
        return new VoucherCode(canonical);
    }

    /** What is stored: the lower-case hex SHA-256 of the canonical code (no separators, upper case). */
    public String hash() {
        // The symbols are ASCII, so their UTF-8 bytes are the ASCII bytes the stored hashes were made of.
        return Secrets.sha256(symbols);
    }

    /** The code for the one time it is shown to the operator who issued it: five groups of four. */
    public String formatted() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < symbols.length(); i += 4) {
            if (i > 0) {
                text.append('-');
            }
            text.append(symbols, i, i + 4);
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VoucherCode code && MessageDigest.isEqual(
                code.symbols.getBytes(StandardCharsets.US_ASCII), symbols.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return symbols.hashCode();
    }

    @Override
    public String toString() {
        return "voucher ****-" + symbols.substring(LENGTH - 4);
    }
}
