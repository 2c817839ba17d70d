package io.okpay.shared.crypto;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasterKeyTest {

    private final MasterKey cut = new MasterKey(Base64.getEncoder().encodeToString(new byte[32]));

    @Test
    @DisplayName("sealing is AES-GCM with a version prefix and a fresh nonce; only the same key and context open it")
    void sealAndOpen() {
        byte[] secret = "+447911123456".getBytes(StandardCharsets.UTF_8);
        String sealed = cut.seal(secret, "phone:usr_a");
        assertTrue(sealed.startsWith("v1."), sealed);
        assertNotEquals(sealed, cut.seal(secret, "phone:usr_a"), "a new nonce every time");
        assertEquals("+447911123456", new String(cut.open(sealed, "phone:usr_a"), StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> cut.open(sealed, "phone:usr_b"), "moved to another record");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThrows(IllegalStateException.class, () -> cut.open(tampered, "phone:usr_a"));
        MasterKey other = new MasterKey(Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B'));
        assertThrows(IllegalStateException.class, () -> other.open(sealed, "phone:usr_a"));
    }

    @Test
    @DisplayName("the master key must be 32 bytes of base64; derived keys differ by purpose")
    void keys() {
        assertThrows(IllegalStateException.class, () -> new MasterKey("c2hvcnQ="));
        assertThrows(IllegalStateException.class, () -> new MasterKey("not base64!"));
        assertNotEquals(cut.hmac("otp", "x"), cut.hmac("recovery-code", "x"));
        assertEquals(cut.hmac("otp", "x"), cut.hmac("otp", "x"));
    }

    @Test
    @DisplayName("files are sealed as bytes: version, nonce, ciphertext; only the same key and context open them")
    void sealBytes() {
        byte[] file = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        byte[] sealed = cut.sealBytes(file, "kyc-document:doc_a");
        assertEquals("v1.", new String(sealed, 0, 3, StandardCharsets.US_ASCII));
        assertEquals("v1", cut.keyId());
        assertEquals(3 + 12 + file.length + 16, sealed.length);
        assertEquals(java.util.Arrays.toString(file), java.util.Arrays.toString(cut.openBytes(sealed, "kyc-document:doc_a")));
        assertThrows(IllegalStateException.class, () -> cut.openBytes(sealed, "kyc-document:doc_b"));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cut.openBytes(sealed, "kyc-document:doc_a"));
    }
}
