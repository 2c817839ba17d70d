package io.okpay.risk.boundary;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LimitPeriodTest {

    @Test
    void windowsAreUtcCalendarWindows() {
        Instant at = Instant.parse("2026-12-31T23:59:59.999Z");
        assertEquals(Instant.parse("2026-12-31T23:00:00Z"), LimitPeriod.PER_HOUR.start(at));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), LimitPeriod.PER_HOUR.resetsAt(at));
        assertEquals(Instant.parse("2026-12-31T00:00:00Z"), LimitPeriod.DAY.start(at));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), LimitPeriod.DAY.resetsAt(at));
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), LimitPeriod.MONTH.start(at));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), LimitPeriod.MONTH.resetsAt(at));
        assertNull(LimitPeriod.TRANSACTION.resetsAt(at));
    }

    @Test
    void februaryOfALeapYearEndsOnThe29th() {
        Instant at = Instant.parse("2028-02-29T12:00:00Z");
        assertEquals(Instant.parse("2028-02-01T00:00:00Z"), LimitPeriod.MONTH.start(at));
        assertEquals(Instant.parse("2028-03-01T00:00:00Z"), LimitPeriod.MONTH.resetsAt(at));
    }

    @Test
    void kindsAreKnownByTheirLedgerCodes() {
        assertEquals(MovementKind.SEND, MovementKind.ofLedgerCode("p2p_transfer").orElseThrow());
        assertEquals(MovementKind.WITHDRAW, MovementKind.ofLedgerCode("payout").orElseThrow());
        assertEquals(false, MovementKind.ofLedgerCode("refund").isPresent());
    }
}
