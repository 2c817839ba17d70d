package io.okpay.identity.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpTest {

    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    @DisplayName("RFC 6238 appendix B test vectors (SHA-1, 8 digits)")
    void rfc6238Vectors() {
        long[][] vectors = {{59, 94287082}, {1111111109, 7081804}, {1111111111, 14050471}, {1234567890, 89005924},
                {2000000000, 69279037}, {20000000000L, 65353130}};
        for (long[] vector : vectors) {
            assertEquals(String.format("%08d", vector[1]), Totp.code(RFC_SEED, vector[0] / 30, 8), "T=" + vector[0]);
        }
    }

    @Test
    @DisplayName("six-digit codes are accepted one step either side of now, not two")
    void window() {
        String secret = Totp.base32(RFC_SEED);
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = now.getEpochSecond() / 30;
        assertEquals(step, Totp.matchingStep(secret, Totp.code(RFC_SEED, step, 6), now));
        assertEquals(step - 1, Totp.matchingStep(secret, Totp.code(RFC_SEED, step - 1, 6), now));
        assertEquals(step + 1, Totp.matchingStep(secret, Totp.code(RFC_SEED, step + 1, 6), now));
        assertEquals(-1, Totp.matchingStep(secret, Totp.code(RFC_SEED, step - 2, 6), now));
        assertEquals(-1, Totp.matchingStep(secret, "12345", now));
    }

    @Test
    @DisplayName("Base32 round trip, random secrets of 160 bits, and the otpauth URI for the QR code")
    void secretsAndUri() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_SEED));
        assertArrayEquals(RFC_SEED, Totp.unbase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        assertEquals(32, Totp.newSecret().length());
        String uri = Totp.uri("OKPay", "ann@example.com", "ABC");
        assertTrue(uri.startsWith("otpauth://totp/OKPay:ann%40example.com?secret=ABC&issuer=OKPay"), uri);
    }
}
