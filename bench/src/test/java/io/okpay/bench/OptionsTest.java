package io.okpay.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    @Test
    void defaultsDriveBothScenariosAgainstTheRunCommand() {
        Options o = Options.parse();
        assertEquals("http://localhost:8080", o.url());
        assertEquals("http://127.0.0.1:8025", o.mailApi());
        assertEquals(200, o.users());
        assertEquals(32, o.clients());
        assertEquals(60, o.seconds());
        assertEquals(List.of(Options.Scenario.UNIFORM, Options.Scenario.HOT), o.scenarios());
        assertNull(o.jdbcUrl());
        assertFalse(o.baselineOnly());
        assertEquals(List.of(), o.baselines(), "no baseline without --jdbc-url");
        assertEquals(30, o.warmupSeconds());
    }

    @Test
    void aJdbcUrlAddsBothBaselinesAfterTheApiAndEachFlagRunsItsOwnAlone() {
        String[] jdbc = {"--jdbc-url", "jdbc:mariadb://127.0.0.1:3306/"};
        Options withApi = Options.parse(jdbc);
        assertFalse(withApi.baselineOnly());
        assertEquals(List.of(Options.Baseline.PLAIN, Options.Baseline.SAME_WORK), withApi.baselines());

        Options plain = Options.parse(jdbc[0], jdbc[1], "--baseline-jdbc");
        assertTrue(plain.baselineOnly());
        assertEquals(List.of(Options.Baseline.PLAIN), plain.baselines());

        Options sameWork = Options.parse("--baseline-same-work", jdbc[0], jdbc[1]);
        assertTrue(sameWork.baselineOnly());
        assertEquals(List.of(Options.Baseline.SAME_WORK), sameWork.baselines());

        Options both = Options.parse("--baseline-same-work", "--baseline-jdbc", jdbc[0], jdbc[1]);
        assertEquals(List.of(Options.Baseline.PLAIN, Options.Baseline.SAME_WORK), both.baselines(),
                "plain first, whatever the order of the flags");
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--baseline-same-work"));
    }

    @Test
    void warmUpCanBeSetOrSwitchedOff() {
        assertEquals(10, Options.parse("--warmup-seconds", "10").warmupSeconds());
        assertEquals(0, Options.parse("--warmup-seconds", "0").warmupSeconds());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--warmup-seconds", "-1"));
    }

    @Test
    void readsEveryOption() {
        Options o = Options.parse("--url", "http://127.0.0.1:18480/", "--mail-api", "http://127.0.0.1:18025",
                "--users", "50", "--clients", "8", "--seconds", "20", "--scenario", "HOT", "--recipients", "3",
                "--currency", "jpy", "--jdbc-url", "jdbc:mariadb://127.0.0.1:3307/", "--jdbc-user", "bench",
                "--jdbc-password", "secret", "--baseline-jdbc", "--operator-email", "ops@example.com",
                "--operator-password", "pw");
        assertEquals("http://127.0.0.1:18480", o.url());
        assertEquals(50, o.users());
        assertEquals(8, o.clients());
        assertEquals(20, o.seconds());
        assertEquals(List.of(Options.Scenario.HOT), o.scenarios());
        assertEquals(3, o.recipientsPerUser());
        assertEquals("JPY", o.currency());
        assertEquals("bench", o.jdbcUser());
        assertEquals("secret", o.jdbcPassword());
        assertTrue(o.baselineOnly());
        assertEquals(List.of(Options.Baseline.PLAIN), o.baselines());
        assertEquals("ops@example.com", o.operatorEmail());
    }

    @Test
    void checkoutBesideUniformNeedsAnOperator() {
        Options o = Options.parse("--scenario", "uniform,checkout", "--operator-email", "ops@example.com",
                "--operator-password", "pw");
        assertEquals(List.of(Options.Scenario.UNIFORM, Options.Scenario.CHECKOUT), o.scenarios());
        assertFalse(Options.Scenario.CHECKOUT.p2p());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--scenario", "checkout"));
    }

    @Test
    void refusesWhatCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--clients", "0"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--seconds", "ten"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--users"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--scenario", "random"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--users", "4", "--recipients", "4"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--baseline-jdbc"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--operator-email", "ops@example.com"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--threads", "4"));
    }
}
