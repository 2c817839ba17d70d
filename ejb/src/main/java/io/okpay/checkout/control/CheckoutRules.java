package io.okpay.checkout.control;

import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.EmailAddress;
import io.okpay.shared.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rules of a checkout session that need no database: the texts, the addresses and the metadata a merchant may
 * send (metadata limits as Stripe's: at most 20 keys, keys up to 40 characters, values up to 500), and when a payment
 * is large enough to ask the payer for a one-time code: above {@code okpay.checkout.step-up-threshold} major units, or
 * {@code okpay.checkout.step-up-threshold.<currency in lower case>} for one currency.
 */
public final class CheckoutRules {

    public static final int REFERENCE_MAX_LENGTH = 100;
    public static final int DESCRIPTION_MAX_LENGTH = 500;
    public static final int REASON_MAX_LENGTH = 500;
    public static final int URL_MAX_LENGTH = 2000;
    public static final int METADATA_MAX_KEYS = 20;
    public static final int METADATA_KEY_MAX_LENGTH = 40;
    public static final int METADATA_VALUE_MAX_LENGTH = 500;
    static final String THRESHOLD_KEY = "okpay.checkout.step-up-threshold";

    private CheckoutRules() {
    }

    /** A trimmed optional text, null when blank; longer than {@code max} characters is a field error. */
    public static String text(String value, int max, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            errors.add(new FieldError(field, "text_too_long", max));
        }
        return trimmed;
    }

    /** An absolute http(s) address with a host, where the payer's browser is sent back to. */
    public static String returnUrl(String value, String field, List<FieldError> errors) {
        String url = value == null ? "" : value.strip();
        boolean valid = !url.isEmpty() && url.length() <= URL_MAX_LENGTH;
        if (valid) {
            try {
                URI uri = new URI(url);
                valid = ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null && uri.getRawUserInfo() == null;
            } catch (URISyntaxException e) {
                valid = false;
            }
        }
        if (!valid) {
            errors.add(new FieldError(field, "return_url_invalid"));
        }
        return url;
    }

    /** The payer's address as kept, null when blank; one that is no address is a field error. */
    public static String email(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<EmailAddress> address = EmailAddress.parse(value);
        if (address.isEmpty()) {
            errors.add(new FieldError("customer_email", "email_invalid"));
            return null;
        }
        return address.get().value();
    }

    /**
     * The merchant's metadata as stored: a JSON object of strings with its keys sorted (so equal maps are equal text),
     * or null when there is none. Values other than strings and the limits above are field errors on "metadata".
     */
    public static String metadata(Map<String, ?> metadata, List<FieldError> errors) {
        if (metadata == null || metadata.isEmpty()) {
            return null;
        }
        if (metadata.size() > METADATA_MAX_KEYS) {
            errors.add(new FieldError("metadata", "metadata_too_many_keys", METADATA_MAX_KEYS));
            return null;
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (var entry : new TreeMap<String, Object>(metadata).entrySet()) {
            String key = entry.getKey();
            if (key.isEmpty() || key.length() > METADATA_KEY_MAX_LENGTH) {
                errors.add(new FieldError("metadata", "metadata_key_invalid", METADATA_KEY_MAX_LENGTH));
                return null;
            }
            if (!(entry.getValue() instanceof String value) || value.length() > METADATA_VALUE_MAX_LENGTH) {
                errors.add(new FieldError("metadata", "metadata_value_invalid", METADATA_VALUE_MAX_LENGTH));
                return null;
            }
            json.add(key, value);
        }
        return json.build().toString();
    }

    /** The stored metadata back as an object (empty when none). */
    public static JsonObject metadataObject(String stored) {
        if (stored == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(stored))) {
            return reader.readObject();
        }
    }

    /** The stored metadata as a sorted map of strings. */
    public static Map<String, String> metadataMap(String stored) {
        Map<String, String> map = new TreeMap<>();
        metadataObject(stored).forEach((k, v) -> map.put(k, ((JsonString) v).getString()));
        return map;
    }

    public static boolean aboveStepUpThreshold(Money amount) {
        Config config = ConfigProvider.getConfig();
        String threshold = config.getOptionalValue(THRESHOLD_KEY + "." + amount.currency().toLowerCase(Locale.ROOT), String.class)
                .or(() -> config.getOptionalValue(THRESHOLD_KEY, String.class))
                .orElse("500");
        return amount.minor() > Money.atLeast(threshold, amount.currency(), amount.exponent()).minor();
    }
}
