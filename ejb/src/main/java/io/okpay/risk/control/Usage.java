package io.okpay.risk.control;

import io.okpay.risk.boundary.LimitPeriod;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What an owner moved of one kind in the windows that {@code now} falls in: a window that has passed counts as zero.
 * Amounts in minor units of the reference currency; the per-hour window counts movements.
 */
public record Usage(Map<LimitPeriod, Long> used) {

    public static Usage none() {
        return new Usage(Map.of());
    }

    /** From a stored row: each window's value counts only while its start is the current window's start. */
    static Usage of(Instant now, Instant hourStart, long hourCount, Instant dayStart, long dayUsed, Instant monthStart,
                    long monthUsed) {
        Map<LimitPeriod, Long> used = new EnumMap<>(LimitPeriod.class);
        used.put(LimitPeriod.PER_HOUR, LimitPeriod.PER_HOUR.start(now).equals(hourStart) ? hourCount : 0);
        used.put(LimitPeriod.DAY, LimitPeriod.DAY.start(now).equals(dayStart) ? dayUsed : 0);
        used.put(LimitPeriod.MONTH, LimitPeriod.MONTH.start(now).equals(monthStart) ? monthUsed : 0);
        return new Usage(used);
    }

    public long of(LimitPeriod period) {
        return used.getOrDefault(period, 0L);
    }
}
