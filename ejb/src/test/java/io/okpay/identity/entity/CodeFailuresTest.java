package io.okpay.identity.entity;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CodeFailuresTest {

    @Test
    @DisplayName("wrong codes add up across challenges: ten in an hour and no code is taken until the hour is over")
    void budgetAcrossChallenges() {
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        CodeFailures failures = new CodeFailures(7L, start);
        for (int wrong = 1; wrong <= 9; wrong++) {
            failures.failed(start.plusSeconds(wrong * 60L));
            assertEquals(0, failures.secondsToWait(start.plusSeconds(wrong * 60L)), "budget left after " + wrong);
        }
        failures.failed(start.plusSeconds(600));
        assertEquals(3000, failures.secondsToWait(start.plusSeconds(600)), "spent: the rest of the hour");
        assertEquals(1, failures.secondsToWait(start.plusSeconds(3599).plusMillis(1)), "rounded up");
        assertEquals(0, failures.secondsToWait(start.plusSeconds(3600)), "a new hour");

        failures.failed(start.plusSeconds(3700));
        assertEquals(1, failures.failures(), "the count starts again with the next hour's first failure");
    }
}
