package io.okpay.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportTest {

    private static RunResult result(String name, long succeeded, double seconds, Map<String, Long> errors) {
        Latencies l = new Latencies();
        for (int i = 1; i <= 100; i++) {
            l.add(i * 1000L);
        }
        return new RunResult(name, 32, seconds, succeeded, l, errors);
    }

    @Test
    void oneLinePerPhaseWithThroughputPercentilesAndErrorsByStatus() {
        RunResult r = result("okpay uniform", 1000, 10, Map.of("503", 2L, "422", 5L));
        assertEquals("okpay uniform    clients=32 seconds=10.0 transfers=1000 throughput=100.0/s p50=50.0ms "
                + "p95=95.0ms p99=99.0ms errors: 422=5 503=2", Report.of(r));
        assertEquals(2, r.serverErrors());
        assertEquals("errors: none", Report.of(result("x", 1, 1, Map.of())).replaceAll(".* (errors: .*)", "$1"));
    }

    @Test
    void ratiosInPercent() {
        RunResult api = result("okpay uniform", 600, 10, Map.of());
        RunResult jdbc = result("jdbc uniform", 2000, 10, Map.of());
        assertEquals("OKPay/baseline uniform: 30.0 %", Report.ratio("OKPay/baseline uniform", api, jdbc));
        assertEquals("x: n/a", Report.ratio("x", api, result("none", 0, 10, Map.of())));
    }

    @Test
    void baselineRatiosOnlyWhereBothSidesRan() {
        RunResult api = result("okpay uniform", 100, 10, Map.of());
        RunResult plain = result("jdbc uniform", 1000, 10, Map.of());
        RunResult sameWork = result("jdbc same-work uniform", 400, 10, Map.of());
        assertEquals(List.of("OKPay/baseline uniform: 10.0 %", "OKPay/same-work JDBC uniform: 25.0 %",
                "same-work/plain JDBC uniform: 40.0 %"), Report.baselineRatios("uniform", api, plain, sameWork));
        assertEquals(List.of("same-work/plain JDBC hot: 40.0 %"),
                Report.baselineRatios("hot", null, plain, sameWork), "--baseline-jdbc --baseline-same-work");
        assertEquals(List.of("OKPay/same-work JDBC hot: 25.0 %"), Report.baselineRatios("hot", api, null, sameWork));
        assertEquals(List.of(), Report.baselineRatios("hot", api, null, null));
    }

    @Test
    void amountsAsDecimalStringsAndBack() {
        assertEquals("12.50", Report.decimal(1250, 2));
        assertEquals("0.01", Report.decimal(1, 2));
        assertEquals("0.005", Report.decimal(5, 3));
        assertEquals("-1.000", Report.decimal(-1000, 3));
        assertEquals("150", Report.decimal(150, 0));
        assertEquals(1250, Report.minor("12.50", 2));
        assertEquals(5, Report.minor("0.005", 3));
        assertEquals(150, Report.minor("150", 0));
        assertThrows(ArithmeticException.class, () -> Report.minor("0.001", 2));
    }
}
