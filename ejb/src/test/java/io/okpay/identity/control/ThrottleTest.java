package io.okpay.identity.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
