package io.okpay.merchant.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretKeysTest {

    @Test
    @DisplayName("a secret is sk_ and 40 characters of the id alphabet: more than 160 random bits")
    void secretShape() {
        String secret = SecretKeys.newSecret();
        assertTrue(secret.matches("sk_[0-9a-km-np-tv-z]{40}"), secret);
        assertTrue(SecretKeys.RANDOM_CHARACTERS * Math.log(33) / Math.log(2) >= 160);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(SecretKeys.newSecret()), "no repeats");
        }
    }

    @Test
    @DisplayName("the hint shows the prefix and the last four characters only")
    void hint() {
        assertEquals("sk_…wxyz", SecretKeys.hint("sk_0123456789abcdefghijkmnpqrstvwxyz0wxyz"));
        assertTrue(SecretKeys.hint(SecretKeys.newSecret()).length() <= 16, "fits the column");
    }

    @Test
    @DisplayName("the stored hash is SHA-256 hex; only the same secret matches it")
    void hashAndMatch() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretKeys.hash("abc"));
        String secret = SecretKeys.newSecret();
        String stored = SecretKeys.hash(secret);
        assertTrue(SecretKeys.matches(secret, stored));
        assertFalse(SecretKeys.matches(secret + "x", stored));
        assertFalse(SecretKeys.matches(null, stored));
        assertFalse(SecretKeys.matches(secret, null));
    }
}
