package io.okpay.funding.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TopUpAnswersTest {

    @Test
    @DisplayName("a top-up's request fingerprint is SHA-256 of the parts, each ended by a zero byte, as stored so far")
    void requestHashIsStable() {
        // sha256("card\0" "1250\0" "USD\0" "visa\0" "4242\0" "12\0" "2030\0")
        assertEquals("f54ded419dc1fc01b32713f367dcb223e1791b184c056b4efb46360f4e248513",
                TopUpAnswers.requestHash("card", 1250L, "USD", "visa", "4242", 12, 2030));
        // sha256("voucher\0" "null\0" "ü\0"), the text as UTF-8
        assertEquals("886c1f03a1a1444be247a67c8d7ac0d3beb04b91c7e78fd63fed7eb78dde4f2f",
                TopUpAnswers.requestHash("voucher", null, "ü"));
        assertNotEquals(TopUpAnswers.requestHash("ab", "c"), TopUpAnswers.requestHash("a", "bc"));
    }
}
