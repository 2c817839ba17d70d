package io.okpay.identity.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRingTest {

    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final Duration ROTATION = Duration.ofDays(90);
    static final Duration DELAY = Duration.ofMinutes(10);
    static final Duration LIFETIME = Duration.ofMinutes(15);

    static KeyRing ring(KeyRing.Entry... keys) {
        return new KeyRing(List.of(keys), ROTATION, DELAY, LIFETIME);
    }

    static List<String> kids(List<KeyRing.Entry> keys) {
        return keys.stream().map(KeyRing.Entry::kid).toList();
    }

    @Test
    @DisplayName("the first key signs at once; a rotation is due only when the newest key is older than the period")
    void firstKeyAndRotation() {
        KeyRing empty = ring();
        assertTrue(empty.rotationDue(T0));
        assertNull(empty.signing(T0));
        assertEquals(T0, empty.signsFromForNewKey(T0), "nothing signs yet: the first key cannot wait");

        KeyRing one = ring(new KeyRing.Entry("key_a", T0, T0));
        assertEquals("key_a", one.signing(T0).kid());
        assertFalse(one.rotationDue(T0.plus(ROTATION).minusSeconds(1)));
        assertTrue(one.rotationDue(T0.plus(ROTATION)));
        assertEquals(T0.plus(ROTATION).plus(DELAY), one.signsFromForNewKey(T0.plus(ROTATION)),
                "a later key waits until every instance has read it");
    }

    @Test
    @DisplayName("a new key is published before it signs; the old one signs until then and stays published while its tokens live")
    void overlap() {
        Instant rotated = T0.plus(ROTATION);
        KeyRing ring = ring(new KeyRing.Entry("key_old", T0, T0), new KeyRing.Entry("key_new", rotated, rotated.plus(DELAY)));

        assertEquals("key_old", ring.signing(rotated).kid());
        assertEquals(List.of("key_new", "key_old"), kids(ring.published(rotated)), "published ahead of signing");

        Instant switched = rotated.plus(DELAY);
        assertEquals("key_new", ring.signing(switched).kid());
        Instant lastOldTokenExpires = switched.plus(LIFETIME);
        assertEquals(List.of("key_new", "key_old"), kids(ring.published(lastOldTokenExpires)));
        assertEquals(List.of("key_new", "key_old"), kids(ring.published(lastOldTokenExpires.plus(KeyRing.CLOCK_SKEW).minusSeconds(1))),
                "a minute's grace for clocks a little ahead");
        assertEquals(List.of("key_new"), kids(ring.published(lastOldTokenExpires.plus(KeyRing.CLOCK_SKEW))));
    }

    @Test
    @DisplayName("when the signing key was deleted by hand, the next key signs early rather than nothing signing")
    void predecessorDeleted() {
        KeyRing ring = ring(new KeyRing.Entry("key_next", T0, T0.plus(DELAY)), new KeyRing.Entry("key_later", T0, T0.plus(DELAY).plus(DELAY)));
        assertEquals("key_next", ring.signing(T0).kid());
        assertEquals(List.of("key_later", "key_next"), kids(ring.published(T0)));
    }

    @Test
    @DisplayName("of three keys only the signing one and the one it replaced recently are published; the order of the rows does not matter")
    void olderKeysDrop() {
        Instant second = T0.plus(ROTATION);
        Instant third = second.plus(ROTATION);
        KeyRing.Entry a = new KeyRing.Entry("key_a", T0, T0);
        KeyRing.Entry b = new KeyRing.Entry("key_b", second, second.plus(DELAY));
        KeyRing.Entry c = new KeyRing.Entry("key_c", third, third.plus(DELAY));
        Instant now = third.plus(DELAY).plusSeconds(60);

        for (KeyRing ring : List.of(ring(a, b, c), ring(c, a, b), ring(b, c, a))) {
            assertEquals("key_c", ring.signing(now).kid());
            assertEquals(List.of("key_c", "key_b"), kids(ring.published(now)));
            assertFalse(ring.rotationDue(now));
        }
    }
}
