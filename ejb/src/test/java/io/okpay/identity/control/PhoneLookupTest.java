package io.okpay.identity.control;

import io.okpay.shared.crypto.MasterKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneLookupTest {

    @Test
    @DisplayName("a number as people type it becomes the stored form; anything else is not a phone number")
    void normalizes() {
        assertEquals(Optional.of("+447911123456"), SecondFactors.normalizePhone("+44 7911-123 456"));
        assertEquals(Optional.of("+447911123456"), SecondFactors.normalizePhone("0044 (7911) 123.456"));
        assertEquals(Optional.of("+8613800138000"), SecondFactors.normalizePhone(" +86 138 0013 8000 "));
        assertTrue(SecondFactors.normalizePhone("ann@example.com").isEmpty());
        assertTrue(SecondFactors.normalizePhone("usr_123456789").isEmpty());
        assertTrue(SecondFactors.normalizePhone("12345678").isEmpty(), "no country code");
        assertTrue(SecondFactors.normalizePhone("+0123456789").isEmpty());
        assertTrue(SecondFactors.normalizePhone(null).isEmpty());
    }

    @Test
    @DisplayName("the blind index: equal numbers match, other numbers and other master keys do not, the number is not in it")
    void blindIndex() {
        SecondFactors cut = new SecondFactors();
        cut.masterKey = new MasterKey(Base64.getEncoder().encodeToString(new byte[32]));
        String digest = cut.phoneDigest("+447911123456");
        assertEquals(64, digest.length());
        assertEquals(digest, cut.phoneDigest(SecondFactors.normalizePhone("+44 7911 123456").orElseThrow()));
        assertNotEquals(digest, cut.phoneDigest("+447911123457"));
        assertFalse(digest.contains("7911123456"));
        SecondFactors otherInstallation = new SecondFactors();
        byte[] key = new byte[32];
        key[0] = 1;
        otherInstallation.masterKey = new MasterKey(Base64.getEncoder().encodeToString(key));
        assertNotEquals(digest, otherInstallation.phoneDigest("+447911123456"));
    }
}
