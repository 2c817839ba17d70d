package io.okpay.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdempotencyKeyTest {

    @Test
    @DisplayName("idempotency keys have 1 to 255 characters, kept as sent")
    void lengths() {
        assertEquals("k", IdempotencyKey.of("k"));
        assertEquals(" k ", IdempotencyKey.of(" k "));
        assertEquals("k".repeat(255), IdempotencyKey.of("k".repeat(255)));
        assertRefused(null);
        assertRefused("");
        assertRefused("k".repeat(256));
    }

    private static void assertRefused(String key) {
        BusinessException refused = assertThrows(BusinessException.class, () -> IdempotencyKey.of(key));
        assertEquals("invalid_request", refused.code());
        assertEquals("Idempotency-Key", refused.fieldErrors().get(0).field());
        assertEquals("idempotency_key_invalid", refused.fieldErrors().get(0).code());
    }
}
