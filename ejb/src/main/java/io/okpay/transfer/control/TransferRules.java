package io.okpay.transfer.control;

import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of a transfer that need no database: the note, the idempotency key, and when an amount is large enough to
 * ask for a step-up code. The threshold is {@code okpay.transfer.step-up-threshold} in major units of any currency
 * (default 1000), replaced for one currency by {@code okpay.transfer.step-up-threshold.<code>} (code in lower case:
 * jpy 150000 ...), because 1000 yen is a coffee and 1000 dollars is not. An amount above the threshold needs a code; equal does not.
 */
@ApplicationScoped
public class TransferRules {

    public static final int NOTE_MAX_LENGTH = 140;
    public static final int KEY_MAX_LENGTH = 255;
    static final String THRESHOLD_KEY = "okpay.transfer.step-up-threshold";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public boolean aboveStepUpThreshold(Money amount) {
        Config config = ConfigProvider.getConfig();
        String threshold = config.getOptionalValue(THRESHOLD_KEY + "." + amount.currency().toLowerCase(Locale.ROOT), String.class)
                .or(() -> config.getOptionalValue(THRESHOLD_KEY, String.class))
                .orElse("1000");
        return amount.minor() > thresholdMinor(threshold, amount.exponent());
    }

    /** A threshold in major units ("1000", "999.99") as minor units of a currency with that exponent. */
    static long thresholdMinor(String majorUnits, int exponent) {
        BigDecimal value;
        try {
            value = new BigDecimal(majorUnits.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(THRESHOLD_KEY + " must be a decimal number, not " + majorUnits, e);
        }
        // A threshold finer than the currency counts from the next whole minor unit up: 10.005 USD is 10.01.
        return value.movePointRight(exponent).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    }

    /** Whether a recipient that is nobody's username or address is an e-mail address we can invite (escrow). */
    public static boolean isEmailAddress(String to) {
        return to != null && to.strip().length() <= 254 && EMAIL.matcher(to.strip()).matches();
    }

    /** The note as kept: trimmed, null when blank; more than 140 characters is a field error on "note". */
    public static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String trimmed = note.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > NOTE_MAX_LENGTH) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("note", "note_too_long", NOTE_MAX_LENGTH)));
        }
        return trimmed;
    }

    /** Every money-moving request names its idempotency key: 1 to 255 characters. */
    public static String idempotencyKey(String key) {
        if (key == null || key.isEmpty() || key.length() > KEY_MAX_LENGTH) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("Idempotency-Key", "idempotency_key_invalid")));
        }
        return key;
    }
}
