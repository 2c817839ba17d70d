package io.okpay.webhook.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {

    @Test
    @DisplayName("the interval doubles from the base with each attempt and stops at the cap")
    void backOffDoublesUpToTheCap() {
        Duration base = Duration.ofSeconds(30);
        Duration cap = Duration.ofHours(4);
        assertEquals(Duration.ofSeconds(30), RetrySchedule.backOff(1, base, cap));
        assertEquals(Duration.ofSeconds(60), RetrySchedule.backOff(2, base, cap));
        assertEquals(Duration.ofSeconds(120), RetrySchedule.backOff(3, base, cap));
        assertEquals(Duration.ofSeconds(30 * 256), RetrySchedule.backOff(9, base, cap));
        assertEquals(cap, RetrySchedule.backOff(10, base, cap));
        assertEquals(cap, RetrySchedule.backOff(1000, base, cap), "no overflow after many attempts");
    }

    @Test
    @DisplayName("jitter keeps at least half the delay and never more than all of it")
    void jitterStaysWithinHalfAndWhole() {
        Duration delay = Duration.ofSeconds(10);
        assertEquals(Duration.ofSeconds(5), RetrySchedule.withJitter(delay, 0.0));
        assertEquals(Duration.ofMillis(7500), RetrySchedule.withJitter(delay, 0.5));
        assertTrue(RetrySchedule.withJitter(delay, 0.999_999).compareTo(delay) <= 0);
    }

    @Test
    @DisplayName("a delivery expires after max-age from its event, and next attempts lie within the jittered back-off")
    void expiryAndNext() {
        RetrySchedule cut = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(4), Duration.ofDays(3));
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        assertFalse(cut.expired(created, created.plus(Duration.ofDays(3))));
        assertTrue(cut.expired(created, created.plus(Duration.ofDays(3)).plusSeconds(1)));
        Instant now = Instant.parse("2026-01-02T00:00:00Z");
        for (int i = 0; i < 100; i++) {
            Instant next = cut.next(3, now);
            assertTrue(!next.isBefore(now.plusSeconds(60)) && !next.isAfter(now.plusSeconds(120)), next.toString());
        }
    }
}
