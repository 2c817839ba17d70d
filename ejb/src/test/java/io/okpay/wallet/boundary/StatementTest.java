package io.okpay.wallet.boundary;

import io.okpay.shared.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatementTest {

    static Money eur(long minor) {
        return new Money(minor, "EUR", 2);
    }

    static Activity.Item entry(long change, long after) {
        return new Activity.Item("txn_x", "topup", eur(change), eur(after), Instant.parse("2026-10-05T00:00:00Z"),
                null, null, null, null, null, eur(0));
    }

    static Statement statement(long opening, List<Activity.Item> entries, long in, long out, long closing) {
        return new Statement(YearMonth.of(2026, 10), ZoneOffset.UTC, "EUR", Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"), eur(opening), entries, eur(in), eur(out), eur(closing));
    }

    @Test
    @DisplayName("a month is the person's local month: midnight of its first day in their zone")
    void monthBoundaries() {
        YearMonth november = YearMonth.of(2026, 11);
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), Statement.monthStart(november, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-10-31T16:00:00Z"), Statement.monthStart(november, ZoneId.of("Asia/Shanghai")));
        assertEquals(Instant.parse("2026-11-01T04:00:00Z"), Statement.monthStart(november, ZoneId.of("America/New_York")),
                "New York is still on summer time on 1 November 2026");
        assertEquals(Instant.parse("2026-12-01T05:00:00Z"), Statement.monthStart(november.plusMonths(1),
                ZoneId.of("America/New_York")), "and on winter time by December");
    }

    @Test
    @DisplayName("opening + entries = closing is accepted, an empty month keeps its balance")
    void addsUp() {
        Statement cut = statement(1000, List.of(entry(500, 1500), entry(-200, 1300)), 500, 200, 1300);
        assertEquals(eur(1300), cut.closing());
        assertEquals(eur(700), statement(700, List.of(), 0, 0, 700).closing());
    }

    @Test
    @DisplayName("a statement whose entries do not lead from the opening to the closing balance is refused")
    void refusesGaps() {
        assertThrows(IllegalStateException.class, () -> statement(1000, List.of(entry(500, 1500)), 500, 0, 1400));
        assertThrows(IllegalStateException.class, () -> statement(1000, List.of(entry(500, 1500)), 400, 0, 1500),
                "totals that disagree with the entries");
    }
}
