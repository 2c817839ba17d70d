package io.okpay.bench;

import java.util.Arrays;

/**
 * Latencies of one client thread in microseconds, merged after the run. Percentiles by the nearest-rank method on the
 * sorted samples: exact, and cheap enough for a few million samples.
 */
public final class Latencies {

    private long[] micros = new long[1024];
    private int size;

    public void add(long microseconds) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = microseconds;
    }

    public int count() {
        return size;
    }

    public static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.micros[i]);
            }
        }
        return all;
    }

    /** The smallest sample such that at least {@code percent} % of the samples are at most it; 0 when empty. */
    public long percentile(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.max(rank, 1) - 1];
    }
}
