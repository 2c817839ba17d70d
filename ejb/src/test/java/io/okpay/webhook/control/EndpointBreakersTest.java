package io.okpay.webhook.control;

import io.okpay.shared.MemoryEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointBreakersTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static void fail(MemoryEntry<Long, long[]> entry, Instant at) {
        new EndpointBreakers.Failure().process(entry, at.toEpochMilli(), 3L, 60_000L);
    }

    @Test
    @DisplayName("failures in a row open the breaker for a while; an endpoint without failures is closed")
    void opens() {
        MemoryEntry<Long, long[]> entry = new MemoryEntry<>(1L);
        fail(entry, T0);
        fail(entry, T0);
        assertTrue(EndpointBreakers.openUntil(entry.getValue(), T0).isEmpty(), "two failures are not enough");
        fail(entry, T0);
        assertEquals(Optional.of(T0.plusSeconds(60)), EndpointBreakers.openUntil(entry.getValue(), T0.plusSeconds(1)));
        assertTrue(EndpointBreakers.openUntil(null, T0.plusSeconds(1)).isEmpty(), "no entry: closed");
        assertTrue(EndpointBreakers.openUntil(entry.getValue(), T0.plusSeconds(60)).isEmpty(), "half-open after the pause");
    }

    @Test
    @DisplayName("half-open: one more failure opens it again at once; a success (the entry removed) starts counting anew")
    void halfOpen() {
        MemoryEntry<Long, long[]> entry = new MemoryEntry<>(7L);
        for (int i = 0; i < 3; i++) {
            fail(entry, T0);
        }
        Instant later = T0.plusSeconds(61);
        fail(entry, later);
        assertEquals(Optional.of(later.plusSeconds(60)), EndpointBreakers.openUntil(entry.getValue(), later));
        entry.remove();
        fail(entry, later);
        fail(entry, later);
        assertTrue(EndpointBreakers.openUntil(entry.getValue(), later).isEmpty(), "counting starts again after a success");
    }
}
