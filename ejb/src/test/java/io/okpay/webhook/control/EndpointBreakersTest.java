package io.okpay.webhook.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointBreakersTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    @DisplayName("failures in a row open one endpoint's breaker for a while; other endpoints stay closed")
    void opensPerEndpoint() {
        EndpointBreakers cut = new EndpointBreakers(3, Duration.ofMinutes(1));
        cut.failed(1, T0);
        cut.failed(1, T0);
        assertTrue(cut.openUntil(1, T0).isEmpty(), "two failures are not enough");
        cut.failed(1, T0);
        assertEquals(Optional.of(T0.plusSeconds(60)), cut.openUntil(1, T0.plusSeconds(1)));
        assertTrue(cut.openUntil(2, T0.plusSeconds(1)).isEmpty(), "another endpoint is not affected");
        assertTrue(cut.openUntil(1, T0.plusSeconds(60)).isEmpty(), "half-open after the pause");
    }

    @Test
    @DisplayName("half-open: one more failure opens it again at once; a success closes it and forgets the failures")
    void halfOpen() {
        EndpointBreakers cut = new EndpointBreakers(3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            cut.failed(7, T0);
        }
        Instant later = T0.plusSeconds(61);
        cut.failed(7, later);
        assertEquals(Optional.of(later.plusSeconds(60)), cut.openUntil(7, later));
        cut.succeeded(7);
        assertTrue(cut.openUntil(7, later).isEmpty());
        cut.failed(7, later);
        cut.failed(7, later);
        assertTrue(cut.openUntil(7, later).isEmpty(), "counting starts again after a success");
    }
}
