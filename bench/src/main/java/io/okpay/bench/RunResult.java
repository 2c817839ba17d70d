package io.okpay.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one timed phase measured: successful transfers, latencies of every request (successful or not), and failures
 * by HTTP status ("io" for requests that got no answer, "sql" for database errors in the baseline).
 */
public record RunResult(String name, int clients, double seconds, long succeeded, Latencies latencies,
                        Map<String, Long> errors) {

    public RunResult {
        errors = new TreeMap<>(errors);
    }

    public double throughput() {
        return seconds <= 0 ? 0 : succeeded / seconds;
    }

    /** Answers with a 5xx status: the targets allow none. */
    public long serverErrors() {
        return errors.entrySet().stream().filter(e -> e.getKey().startsWith("5")).mapToLong(Map.Entry::getValue).sum();
    }

    /** Several phases of one scenario as one: their transfers, seconds, latencies and errors added up. */
    public static RunResult sum(List<RunResult> phases) {
        long succeeded = 0;
        double seconds = 0;
        List<Latencies> latencies = new ArrayList<>();
        Map<String, Long> errors = new HashMap<>();
        for (RunResult phase : phases) {
            succeeded += phase.succeeded;
            seconds += phase.seconds;
            latencies.add(phase.latencies);
            phase.errors.forEach((status, n) -> errors.merge(status, n, Long::sum));
        }
        RunResult first = phases.get(0);
        return new RunResult(first.name, first.clients, seconds, succeeded, Latencies.merge(latencies), errors);
    }
}
