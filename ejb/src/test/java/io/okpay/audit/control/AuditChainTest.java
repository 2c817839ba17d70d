package io.okpay.audit.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AuditChainTest {

    private final Instant at = Instant.parse("2026-11-26T10:00:00.123456789Z");

    @Test
    @DisplayName("the hash covers the previous hash and every field; nanoseconds beyond what the database keeps do not count")
    void hashCoversEverything() {
        String hash = AuditChain.hash(AuditChain.GENESIS, at, "usr_a", "SIGN_IN", "10.0.0.1", "password");
        assertEquals(64, hash.length());
        assertEquals(hash, AuditChain.hash(AuditChain.GENESIS, Instant.parse("2026-11-26T10:00:00.123456Z"), "usr_a", "SIGN_IN", "10.0.0.1", "password"));
        assertNotEquals(hash, AuditChain.hash("1".repeat(64), at, "usr_a", "SIGN_IN", "10.0.0.1", "password"));
        assertNotEquals(hash, AuditChain.hash(AuditChain.GENESIS, at.plusMillis(1), "usr_a", "SIGN_IN", "10.0.0.1", "password"));
        assertNotEquals(hash, AuditChain.hash(AuditChain.GENESIS, at, "usr_b", "SIGN_IN", "10.0.0.1", "password"));
        assertNotEquals(hash, AuditChain.hash(AuditChain.GENESIS, at, "usr_a", "SIGN_OUT", "10.0.0.1", "password"));
        assertNotEquals(hash, AuditChain.hash(AuditChain.GENESIS, at, "usr_a", "SIGN_IN", "10.0.0.2", "password"));
        assertNotEquals(hash, AuditChain.hash(AuditChain.GENESIS, at, "usr_a", "SIGN_IN", "10.0.0.1", "password and code"));
    }

    @Test
    @DisplayName("moving text from one field to the next gives another hash (fields are length-prefixed)")
    void fieldBoundaries() {
        assertNotEquals(AuditChain.hash(AuditChain.GENESIS, at, "usr_a", "SIGN_IN", "ab", "c"),
                AuditChain.hash(AuditChain.GENESIS, at, "usr_a", "SIGN_IN", "a", "bc"));
    }
}
