package io.okpay.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentlyReadTest {

    private final AtomicInteger reads = new AtomicInteger();

    private Optional<String> read(String value) {
        reads.incrementAndGet();
        return Optional.ofNullable(value);
    }

    @Test
    void aKeptValueIsReadOnceWithinItsTime() {
        RecentlyRead<String, String> recent = new RecentlyRead<>(Duration.ofMinutes(1), v -> true);
        assertEquals("李雷", recent.get("k", () -> read("李雷")).orElseThrow());
        assertEquals("李雷", recent.get("k", () -> read("changed")).orElseThrow());
        assertEquals(1, reads.get());
    }

    @Test
    void aValueIsReadAgainOnceItsTimeIsOverOrItWasForgotten() {
        RecentlyRead<String, String> expired = new RecentlyRead<>(Duration.ZERO, v -> true);
        expired.get("k", () -> read("Zoé"));
        assertEquals("Zoë", expired.get("k", () -> read("Zoë")).orElseThrow());
        RecentlyRead<String, String> recent = new RecentlyRead<>(Duration.ofMinutes(1), v -> true);
        recent.get("k", () -> read("Zoé"));
        recent.forget("k");
        assertEquals("Zoë", recent.get("k", () -> read("Zoë")).orElseThrow());
        recent.forgetAll();
        recent.get("k", () -> read("Zoë"));
        assertEquals(5, reads.get());
    }

    @Test
    void valuesNotKeptAndNothingFoundAreReadEveryTime() {
        RecentlyRead<String, String> recent = new RecentlyRead<>(Duration.ofMinutes(1), v -> !v.startsWith("unverified"));
        recent.get("a", () -> read("unverified 王"));
        recent.get("a", () -> read("unverified 王"));
        assertTrue(recent.get("b", () -> read(null)).isEmpty());
        assertTrue(recent.get("b", () -> read(null)).isEmpty());
        assertEquals(4, reads.get());
    }
}
