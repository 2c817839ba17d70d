package io.okpay.wallet.boundary;

import io.okpay.shared.BusinessException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HistoryFilterTest {

    static String fieldError(Runnable call) {
        BusinessException e = assertThrows(BusinessException.class, call::run);
        return e.fieldErrors().get(0).field() + " " + e.fieldErrors().get(0).code();
    }

    @Test
    @DisplayName("days are UTC and both ends are included: to is the start of the next day")
    void utcDaysInclusive() {
        HistoryFilter cut = HistoryFilter.of(" USD ", "", "2026-11-01", "2026-11-30", "  bob ");
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), cut.from());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), cut.to());
        assertEquals("USD", cut.currency());
        assertNull(cut.type());
        assertEquals("bob", cut.counterparty());
        assertNull(HistoryFilter.of(null, null, null, "", null).to(), "no dates, no bounds");
    }

    @Test
    @DisplayName("malformed, impossible or out-of-range dates and reversed ranges are field errors")
    void refusals() {
        assertEquals("from date_invalid", fieldError(() -> HistoryFilter.of(null, null, "2026-02-30", null, null)));
        assertEquals("to date_invalid", fieldError(() -> HistoryFilter.of(null, null, null, "30.11.2026", null)));
        assertEquals("from date_invalid", fieldError(() -> HistoryFilter.of(null, null, "0001-01-01", null, null)));
        assertEquals("to date_invalid", fieldError(() -> HistoryFilter.of(null, null, null, "9999-12-31", null)));
        assertEquals("to date_range_reversed", fieldError(() -> HistoryFilter.of(null, null, "2026-11-02", "2026-11-01", null)));
    }

    @Test
    @DisplayName("an export needs both dates and covers at most 366 days")
    void exportRange() {
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"),
                HistoryFilter.forExport(null, null, "2025-01-01", "2025-12-31", null).to(), "a whole year");
        HistoryFilter.forExport(null, null, "2024-01-01", "2024-12-31", null);
        assertEquals("to export_range_too_long", fieldError(() -> HistoryFilter.forExport(null, null, "2025-01-01", "2026-01-02", null)));
        assertEquals("from date_required", fieldError(() -> HistoryFilter.forExport(null, null, null, "2026-01-02", null)));
        assertEquals("to date_required", fieldError(() -> HistoryFilter.forExport(null, null, "2026-01-02", " ", null)));
    }
}
