package io.okpay.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class RateWindowsTest {

    static long[] take(MemoryEntry<String, long[]> entry, long now) {
        return new RateWindows.Take().process(entry, now, 2L, 1000L);
    }

    @Test
    @DisplayName("a window starts with the first request; the budget is counted in it; past it a new window starts")
    void windows() {
        MemoryEntry<String, long[]> entry = new MemoryEntry<>("api:mch_1");
        assertArrayEquals(new long[]{100, 1, 1}, take(entry, 100));
        assertArrayEquals(new long[]{100, 2, 1}, take(entry, 600));
        assertArrayEquals(new long[]{100, 2, 0}, take(entry, 1099), "spent: refused, not counted");
        assertArrayEquals(new long[]{100, 2}, entry.getValue());
        assertArrayEquals(new long[]{1100, 1, 1}, take(entry, 1100), "the window is over: a new one");
    }
}
