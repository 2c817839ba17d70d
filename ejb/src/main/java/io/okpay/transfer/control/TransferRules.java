package io.okpay.transfer.control;

import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Locale;

/**
 * The rules of a transfer that need no database: the note, and when an amount is large enough to ask for a step-up
 * code (the idempotency key and the recipient's address are the kernel's {@link io.okpay.shared.IdempotencyKey} and
 * {@link io.okpay.shared.EmailAddress}). The threshold is {@code okpay.transfer.step-up-threshold} in major units of
 * any currency (default 1000), replaced for one currency by {@code okpay.transfer.step-up-threshold.<code>} (code in lower case:
 * jpy 150000 ...), because 1000 yen is a coffee and 1000 dollars is not. An amount above the threshold needs a code; equal does not.
 */
@ApplicationScoped
public class TransferRules {

    public static final int NOTE_MAX_LENGTH = 140;
    static final String THRESHOLD_KEY = "okpay.transfer.step-up-threshold";

    public boolean aboveStepUpThreshold(Money amount) {
        Config config = ConfigProvider.getConfig();
        String threshold = config.getOptionalValue(THRESHOLD_KEY + "." + amount.currency().toLowerCase(Locale.ROOT), String.class)
                .or(() -> config.getOptionalValue(THRESHOLD_KEY, String.class))
                .orElse("1000");
        return amount.minor() > threshold(threshold, amount).minor();
    }

    /** A threshold in major units ("1000", "999.99") in the currency of the amount it is compared with. */
    static Money threshold(String majorUnits, Money like) {
        try {
            // A threshold finer than the currency counts from the next whole minor unit up: 10.005 USD is 10.01.
            return Money.atLeast(majorUnits, like.currency(), like.exponent());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(THRESHOLD_KEY + " must be a decimal number, not " + majorUnits, e);
        }
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
}
