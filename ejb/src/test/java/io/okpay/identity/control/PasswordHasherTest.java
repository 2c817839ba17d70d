package io.okpay.identity.control;

import io.okpay.shared.BusinessException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    @DisplayName("hashes run in a bounded pool: with no permit free, a hash waits briefly, then is refused (503), not run")
    void boundedPool() {
        PasswordHasher.bound(0, Duration.ofMillis(20));
        try {
            BusinessException busy = assertThrows(BusinessException.class, () -> PasswordHasher.verifyDecoy("x"));
            assertEquals("password_check_busy", busy.code());
            assertEquals(1, busy.args()[0], "retry after a second");
            assertThrows(BusinessException.class, () -> PasswordHasher.hash("长城 password été"));
        } finally {
            PasswordHasher.bound(2, Duration.ofSeconds(2));
        }
        assertTrue(PasswordHasher.verify("长城 password été", PasswordHasher.hash("长城 password été")));
    }

    @Test
    @DisplayName("a permit is taken per hash and given back: over the limit a caller is refused, after a release it gets in")
    void poolPermits() {
        PasswordHasher.Pool pool = new PasswordHasher.Pool(1, Duration.ofMillis(20));
        pool.enter();
        assertThrows(BusinessException.class, pool::enter);
        pool.leave();
        pool.enter();
    }
}
