package io.okpay.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatenciesTest {

    @Test
    void nearestRankPercentilesOfOneToAHundred() {
        Latencies l = new Latencies();
        for (int i = 100; i >= 1; i--) {
            l.add(i);
        }
        assertEquals(50, l.percentile(50));
        assertEquals(95, l.percentile(95));
        assertEquals(99, l.percentile(99));
        assertEquals(100, l.percentile(100));
        assertEquals(1, l.percentile(0.5));
    }

    @Test
    void smallAndEmptySamples() {
        assertEquals(0, new Latencies().percentile(99));
        Latencies one = new Latencies();
        one.add(7);
        assertEquals(7, one.percentile(50));
        assertEquals(7, one.percentile(99));
        assertThrows(IllegalArgumentException.class, () -> one.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> one.percentile(101));
    }

    @Test
    void mergesClientsBeyondTheInitialCapacity() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 0; i < 3000; i++) {
            a.add(1);
            b.add(1000);
        }
        Latencies all = Latencies.merge(List.of(a, b));
        assertEquals(6000, all.count());
        assertEquals(1, all.percentile(50));
        assertEquals(1000, all.percentile(51));
    }
}
