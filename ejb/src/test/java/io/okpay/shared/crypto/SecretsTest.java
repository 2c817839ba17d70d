package io.okpay.shared.crypto;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecretsTest {

    @Test
    @DisplayName("SHA-256 is lower-case hex of the UTF-8 bytes (FIPS 180-2 test vectors): stored hashes depend on it")
    void sha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Secrets.sha256(""));
        assertEquals(Secrets.sha256("ü\u0000x"), Secrets.sha256("ü\u0000x".getBytes(StandardCharsets.UTF_8)));
    }
}
