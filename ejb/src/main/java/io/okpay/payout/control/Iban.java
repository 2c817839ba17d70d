package io.okpay.payout.control;

import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An International Bank Account Number (ISO 13616) in its electronic form: upper case, no spaces. Valid when its
 * country is in the SWIFT IBAN registry and iban4j finds that country's structure in it (length, and letters and
 * digits where the bank code, branch and account number have them) and the ISO 7064 mod-97 check digits right.
 */
public record Iban(String value) {

    /**
     * Countries iban4j knows that are not in the SWIFT IBAN registry: territories whose banks use their parent
     * country's IBAN (FR, GB, FI) and national formats outside the registry. Refused, as the registry does.
     */
    static final Set<String> OUTSIDE_REGISTRY = Set.of("AO", "AX", "BL", "CV", "GA", "GF", "GG", "GP", "IM", "IR", "JE",
            "MA", "MF", "MQ", "MZ", "NC", "PF", "PM", "RE", "SN", "TF", "WF", "YT");

    /**
     * Registry countries newer than iban4j's list, with their IBAN length from the registry: checked by length and
     * check digits only until iban4j knows their structure (IbanTest says when a line here has become obsolete).
     */
    static final Map<String, Integer> NOT_YET_IN_IBAN4J = Map.of("DJ", 27, "FK", 18, "LY", 25, "MN", 20, "NI", 28,
            "SD", 18, "SO", 23, "YE", 30);

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
        return valid(compact) ? Optional.of(new Iban(compact)) : Optional.empty();
    }

    private static boolean valid(String compact) {
        String country = compact.substring(0, 2);
        if (OUTSIDE_REGISTRY.contains(country)) {
            return false;
        }
        try {
            Integer length = NOT_YET_IN_IBAN4J.get(country);
            if (length != null) {
                return compact.length() == length
                        && IbanUtil.calculateCheckDigit(compact).equals(IbanUtil.getCheckDigit(compact));
            }
            IbanUtil.validate(compact);
            return true;
        } catch (Iban4jException e) {
            return false;
        }
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
