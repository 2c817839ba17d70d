package io.okpay.risk.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * What a limit counts over: one movement, the hour, the day or the month (UTC calendar windows: a window resets at
 * the start of the next one). Per hour counts movements; the others add up amounts in the reference currency.
 */
public enum LimitPeriod {
    TRANSACTION("transaction", "transaction"),
    PER_HOUR("per_hour", "per-hour"),
    DAY("day", "day"),
    MONTH("month", "month");

    private final String apiName;
    private final String configName;

    LimitPeriod(String apiName, String configName) {
        this.apiName = apiName;
        this.configName = configName;
    }

    /** As in a limit's name: send.day, send.per_hour ... */
    public String apiName() {
        return apiName;
    }

    /** As in configuration keys: okpay.limits.t1.send.per-hour ... */
    public String configName() {
        return configName;
    }

    public boolean counts() {
        return this == PER_HOUR;
    }

    /** The start of the window {@code at} falls in (null for a single transaction). */
    public Instant start(Instant at) {
        return switch (this) {
            case TRANSACTION -> null;
            case PER_HOUR -> at.truncatedTo(ChronoUnit.HOURS);
            case DAY -> at.truncatedTo(ChronoUnit.DAYS);
            case MONTH -> LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        };
    }

    /** When the window {@code at} falls in ends and the limit starts again from zero (null for a single transaction). */
    public Instant resetsAt(Instant at) {
        return switch (this) {
            case TRANSACTION -> null;
            case PER_HOUR -> start(at).plus(1, ChronoUnit.HOURS);
            case DAY -> start(at).plus(1, ChronoUnit.DAYS);
            case MONTH -> LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
        };
    }
}
