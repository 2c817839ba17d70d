package io.okpay.payout.control;

import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An International Bank Account Number (ISO 13616) in its electronic form: upper case, no spaces. Valid when the
 * country is in the IBAN registry, the length is that country's, the rest is letters and digits, and the check digits
 * give remainder 1 under mod-97 (ISO 7064) once the first four characters are moved to the end and letters are
 * replaced by 10..35.
 */
public record Iban(String value) {

    /** IBAN lengths by country, from the SWIFT IBAN registry. */
    static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LC", 32),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("LY", 25),
            Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29),
            Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("RU", 33),
            Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19),
            Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    /** The IBAN as typed (spaces, lower case, the paper form's "IBAN " prefix allowed), or a field error iban_invalid. */
    public static Iban parse(String input, String field) {
        return tryParse(input).orElseThrow(() -> BusinessException.invalid(List.of(new FieldError(field, "iban_invalid"))));
    }

    public static Optional<Iban> tryParse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = input.replaceAll("[\\s\\u00a0-]", "").toUpperCase(Locale.ROOT);
        if (compact.startsWith("IBAN")) {
            compact = compact.substring(4);
        }
        if (!compact.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
            return Optional.empty();
        }
        Integer length = LENGTHS.get(compact.substring(0, 2));
        if (length == null || compact.length() != length || !checksumValid(compact)) {
            return Optional.empty();
        }
        return Optional.of(new Iban(compact));
    }

    static boolean checksumValid(String compact) {
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    public String country() {
        return value.substring(0, 2);
    }

    public String last4() {
        return value.substring(value.length() - 4);
    }

    /** For screens and e-mails: only the last four characters ("•••• 3000"). */
    public static String masked(String last4) {
        return "•••• " + last4;
    }

    /** The print form: groups of four separated by spaces. */
    public String grouped() {
        return value.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
