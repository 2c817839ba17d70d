package io.okpay.shared.security;

import jakarta.security.enterprise.CallerPrincipal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-12-06T05:00:00Z");

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    @DisplayName("a verified token is found by its exact text with its caller and groups; one character more or less is not")
    void exactText() {
        VerifiedTokens tokens = new VerifiedTokens(new Hands());
        CallerPrincipal ann = new CallerPrincipal("usr_ann");
        tokens.remember("aaa.bbb.ccc", ann, Set.of("USER"), T0.plus(Duration.ofMinutes(15)));

        var found = tokens.find("aaa.bbb.ccc").orElseThrow();
        assertEquals("usr_ann", found.caller().getName());
        assertEquals(Set.of("USER"), found.groups());
        assertFalse(tokens.find("aaa.bbb.ccd").isPresent());
        assertFalse(tokens.find("aaa.bbb.cc").isPresent());
        assertFalse(tokens.find("aaa.bbb.ccc ").isPresent());
    }

    @Test
    @DisplayName("a token is forgotten when it expires, and after MAX_AGE even if it expires later")
    void expiry() {
        Hands clock = new Hands();
        VerifiedTokens tokens = new VerifiedTokens(clock);
        tokens.remember("short", new CallerPrincipal("a"), Set.of("USER"), T0.plusSeconds(10));
        tokens.remember("long", new CallerPrincipal("b"), Set.of("USER"), T0.plus(Duration.ofMinutes(15)));

        clock.now = T0.plusSeconds(9);
        assertTrue(tokens.find("short").isPresent());
        clock.now = T0.plusSeconds(10);
        assertFalse(tokens.find("short").isPresent(), "expired at exp");
        assertTrue(tokens.find("long").isPresent());
        clock.now = T0.plus(VerifiedTokens.MAX_AGE);
        assertFalse(tokens.find("long").isPresent(), "checked again after MAX_AGE");
    }

    @Test
    @DisplayName("an expired token or one without exp is not remembered")
    void notRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(new Hands());
        tokens.remember("old", new CallerPrincipal("a"), Set.of("USER"), T0.minusSeconds(1));
        tokens.remember("none", new CallerPrincipal("a"), Set.of("USER"), null);
        assertFalse(tokens.find("old").isPresent());
        assertFalse(tokens.find("none").isPresent());
        assertEquals(0, tokens.size());
    }

    @Test
    @DisplayName("never more than CAPACITY tokens: expired ones go first, then all")
    void bounded() {
        Hands clock = new Hands();
        VerifiedTokens tokens = new VerifiedTokens(clock);
        for (int i = 0; i < VerifiedTokens.CAPACITY; i++) {
            tokens.remember("t" + i, new CallerPrincipal("u"), Set.of("USER"), T0.plusSeconds(i < 10 ? 5 : 600));
        }
        clock.now = T0.plusSeconds(6);
        tokens.remember("one-more", new CallerPrincipal("u"), Set.of("USER"), T0.plusSeconds(600));
        assertEquals(VerifiedTokens.CAPACITY - 10 + 1, tokens.size());
        assertTrue(tokens.find("t10").isPresent());
        for (int i = 0; i < 20; i++) {
            tokens.remember("more" + i, new CallerPrincipal("u"), Set.of("USER"), T0.plusSeconds(600));
        }
        assertTrue(tokens.size() <= VerifiedTokens.CAPACITY);
        assertTrue(tokens.find("more19").isPresent());
    }
}
