package io.okpay.identity.control;

import io.okpay.shared.MemoryEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ThrottleTest {

    private final Throttle.Rule rule = new Throttle.Rule("test", 3, Duration.ofSeconds(60));

    @Test
    @DisplayName("free failures cost nothing, then every further one doubles the wait, up to the cap")
    void growingDelays() {
        long now = 1_000_000;
        assertEquals(0, Throttle.waitSeconds(rule, 2, now, now));
        assertEquals(1, Throttle.waitSeconds(rule, 3, now, now));
        assertEquals(2, Throttle.waitSeconds(rule, 4, now, now));
        assertEquals(4, Throttle.waitSeconds(rule, 5, now, now));
        assertEquals(60, Throttle.waitSeconds(rule, 40, now, now));
        assertEquals(0, Throttle.waitSeconds(rule, 40, now, now + 60_000), "the wait is over after the cap");
        assertEquals(1, Throttle.waitSeconds(rule, 4, now, now + 1_500), "rounded up");
    }

    @Test
    @DisplayName("a burst of attempts: each is decided and counted in one step, so only the free ones pass, not all of them")
    void attemptsCountBeforeTheirOutcome() {
        MemoryEntry<String, long[]> entry = new MemoryEntry<>("sign-in:ann@example.com");
        long now = 1_000_000;
        int passed = 0;
        for (int i = 0; i < 20; i++) {
            long wait = new Throttle.CountAttempt().process(entry, now, 3L, 60_000L);
            if (wait == 0) {
                passed++;
            } else {
                assertEquals(1, wait, "the first refusal waits a second");
            }
        }
        assertEquals(3, passed, "twenty parallel guesses, all before any of them was checked");
        assertEquals(3, entry.getValue()[0], "refusals are not counted");

        new Throttle.Refund().process(entry);
        assertEquals(2, entry.getValue()[0], "a right password gives its count back");
        assertEquals(0L, new Throttle.CountAttempt().process(entry, now, 3L, 60_000L));
        assertEquals(1L, new Throttle.CountAttempt().process(entry, now, 3L, 60_000L));
        assertEquals(0L, new Throttle.CountAttempt().process(entry, now + 1_000, 3L, 60_000L), "after the wait, one more");
        assertEquals(2L, new Throttle.CountAttempt().process(entry, now + 1_000, 3L, 60_000L), "and the wait doubles");

        MemoryEntry<String, long[]> fresh = new MemoryEntry<>("sign-in:bob@example.com");
        new Throttle.Refund().process(fresh);
        assertNull(fresh.getValue(), "nothing to give back, nothing made");
    }
}
