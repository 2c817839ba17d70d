package io.okpay.shared;

import java.io.Serializable;
import java.util.List;

/**
 * The key a client names a money-moving request by (header {@code Idempotency-Key} in the API, a hidden token in
 * forms): 1 to 255 characters, kept as sent. Anything else is a 400 with the field error idempotency_key_invalid on
 * "Idempotency-Key", whichever feature reads it.
 */
public record IdempotencyKey(String value) implements Serializable {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("Idempotency-Key",
                    "idempotency_key_invalid")));
        }
    }

    /** The key as sent, once it is known to be one. */
    public static String of(String key) {
        return new IdempotencyKey(key).value();
    }

    @Override
    public String toString() {
        return value;
    }
}
