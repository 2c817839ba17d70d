package io.okpay.wallet.boundary;

import io.okpay.shared.BusinessException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static io.okpay.shared.TimeZones.UTC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HistoryFilterTest {

    static String fieldError(Runnable call) {
        BusinessException e = assertThrows(BusinessException.class, call::run);
        return e.fieldErrors().get(0).field() + " " + e.fieldErrors().get(0).code();
    }

    @Test
    @DisplayName("days in UTC: both ends are included, to is the start of the next day")
    void utcDaysInclusive() {
        HistoryFilter cut = HistoryFilter.of(" USD ", "", "2026-11-01", "2026-11-30", "  bob ", UTC);
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), cut.from());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), cut.to());
        assertEquals("USD", cut.currency());
        assertNull(cut.type());
        assertEquals("bob", cut.counterparty());
        assertNull(HistoryFilter.of(null, null, null, "", null, UTC).to(), "no dates, no bounds");
    }

    @Test
    @DisplayName("days are the person's: in Shanghai a day starts at 16:00 UTC the day before")
    void daysOfThePersonsZone() {
        HistoryFilter cut = HistoryFilter.of(null, null, "2026-11-01", "2026-11-30", null, ZoneId.of("Asia/Shanghai"));
        assertEquals(Instant.parse("2026-10-31T16:00:00Z"), cut.from());
        assertEquals(Instant.parse("2026-11-30T16:00:00Z"), cut.to());
        HistoryFilter berlin = HistoryFilter.forExport(null, null, "2026-10-25", "2026-10-25", null, ZoneId.of("Europe/Berlin"));
        assertEquals(Instant.parse("2026-10-24T22:00:00Z"), berlin.from(), "summer time until 03:00");
        assertEquals(Instant.parse("2026-10-25T23:00:00Z"), berlin.to(), "a 25-hour day: winter time from 03:00");
        HistoryFilter.forExport(null, null, "2026-01-01", "2026-12-31", null, ZoneId.of("America/New_York"));
    }

    @Test
    @DisplayName("malformed, impossible or out-of-range dates and reversed ranges are field errors")
    void refusals() {
        assertEquals("from date_invalid", fieldError(() -> HistoryFilter.of(null, null, "2026-02-30", null, null, UTC)));
        assertEquals("to date_invalid", fieldError(() -> HistoryFilter.of(null, null, null, "30.11.2026", null, UTC)));
        assertEquals("from date_invalid", fieldError(() -> HistoryFilter.of(null, null, "0001-01-01", null, null, UTC)));
        assertEquals("to date_invalid", fieldError(() -> HistoryFilter.of(null, null, null, "9999-12-31", null, UTC)));
        assertEquals("to date_range_reversed", fieldError(() -> HistoryFilter.of(null, null, "2026-11-02", "2026-11-01", null, UTC)));
    }

    @Test
    @DisplayName("an export needs both dates and covers at most 366 days")
    void exportRange() {
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"),
                HistoryFilter.forExport(null, null, "2025-01-01", "2025-12-31", null, UTC).to(), "a whole year");
        HistoryFilter.forExport(null, null, "2024-01-01", "2024-12-31", null, UTC);
        assertEquals("to export_range_too_long", fieldError(() -> HistoryFilter.forExport(null, null, "2025-01-01", "2026-01-02", null, UTC)));
        assertEquals("from date_required", fieldError(() -> HistoryFilter.forExport(null, null, null, "2026-01-02", null, UTC)));
        assertEquals("to date_required", fieldError(() -> HistoryFilter.forExport(null, null, "2026-01-02", " ", null, UTC)));
    }
}
