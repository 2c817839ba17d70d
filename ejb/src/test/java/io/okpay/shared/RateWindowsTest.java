package io.okpay.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.cache.processor.MutableEntry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class RateWindowsTest {

    /** One cache entry, as the cache hands it to the entry processor. */
    static final class Entry implements MutableEntry<String, long[]> {
        long[] value;

        @Override
        public boolean exists() {
            return value != null;
        }

        @Override
        public void remove() {
            value = null;
        }

        @Override
        public void setValue(long[] value) {
            this.value = value;
        }

        @Override
        public String getKey() {
            return "mch_1";
        }

        @Override
        public long[] getValue() {
            return value;
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException();
        }
    }

    static long[] take(Entry entry, long now) {
        return new RateWindows.Take().process(entry, now, 2L, 1000L);
    }

    @Test
    @DisplayName("a window starts with the first request; the budget is counted in it; past it a new window starts")
    void windows() {
        Entry entry = new Entry();
        assertArrayEquals(new long[]{100, 1, 1}, take(entry, 100));
        assertArrayEquals(new long[]{100, 2, 1}, take(entry, 600));
        assertArrayEquals(new long[]{100, 2, 0}, take(entry, 1099), "spent: refused, not counted");
        assertArrayEquals(new long[]{100, 2}, entry.getValue());
        assertArrayEquals(new long[]{1100, 1, 1}, take(entry, 1100), "the window is over: a new one");
    }
}
