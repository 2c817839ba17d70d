package io.okpay.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunResultTest {

    @Test
    void twoPhasesSummedAddTransfersSecondsLatenciesAndErrors() {
        Latencies fast = new Latencies();
        fast.add(10);
        fast.add(20);
        Latencies slow = new Latencies();
        slow.add(30);
        slow.add(40);
        RunResult first = new RunResult("okpay uniform", 32, 30.0, 300, fast, Map.of("409", 1L));
        RunResult second = new RunResult("okpay uniform", 32, 20.0, 700, slow, Map.of("409", 2L, "io", 1L));

        RunResult both = RunResult.sum(List.of(first, second));

        assertEquals(1000, both.succeeded());
        assertEquals(50.0, both.seconds());
        assertEquals(20.0, both.throughput(), "1000 transfers in 50 s, not the mean of 10/s and 35/s");
        assertEquals(4, both.latencies().count());
        assertEquals(40, both.latencies().percentile(100));
        assertEquals(20, both.latencies().percentile(50));
        assertEquals(Map.of("409", 3L, "io", 1L), both.errors());
    }
}
