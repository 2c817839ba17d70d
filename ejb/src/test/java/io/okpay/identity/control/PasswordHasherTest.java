package io.okpay.identity.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    @Test
    @DisplayName("Argon2id with m=19 MiB, t=2, p=1 in PHC format, salted, verifies only the right password")
    void hashAndVerify() {
        String hash = PasswordHasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertNotEquals(hash, PasswordHasher.hash("correct horse battery staple"), "salted");
        assertTrue(PasswordHasher.verify("correct horse battery staple", hash));
        assertFalse(PasswordHasher.verify("correct horse battery stapler", hash));
        assertFalse(PasswordHasher.verify("correct horse battery staple", "not a hash"));
        assertFalse(PasswordHasher.needsRehash(hash));
    }

    @Test
    @DisplayName("long passwords are not truncated: a change after character 72 is a different password")
    void noTruncation() {
        String base = "a".repeat(100);
        String hash = PasswordHasher.hash(base + "1");
        assertFalse(PasswordHasher.verify(base + "2", hash));
        assertTrue(PasswordHasher.verify(base + "1", hash));
    }

    @Test
    @DisplayName("hashes made with weaker parameters still verify and ask to be rehashed")
    void weakerParameters() {
        String weak = "$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertTrue(PasswordHasher.needsRehash(weak));
    }

    @Test
    @DisplayName("another cost shows in new hashes, which still verify; hashes of the stronger default need no rehash")
    void configuredCost() {
        String strong = PasswordHasher.hash("correct horse battery staple");
        try {
            PasswordHasher.use(new PasswordHasher.Cost(1024, 1));
            String cheap = PasswordHasher.hash("correct horse battery staple");
            assertTrue(cheap.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), cheap);
            assertTrue(PasswordHasher.verify("correct horse battery staple", cheap));
            assertFalse(PasswordHasher.needsRehash(strong));
        } finally {
            PasswordHasher.use(PasswordHasher.Cost.OWASP_MINIMUM);
        }
        assertTrue(PasswordHasher.hash("x").startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    }
}
