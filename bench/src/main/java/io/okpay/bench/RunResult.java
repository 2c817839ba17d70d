package io.okpay.bench;

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
}
