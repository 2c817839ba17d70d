package io.okpay.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Plain-text lines for the console: one block per phase, then the ratios the targets are about. */
public final class Report {

    private Report() {
    }

    public static String of(RunResult r) {
        String errors = r.errors().isEmpty() ? "none"
                : r.errors().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return String.format(Locale.ROOT,
                "%-16s clients=%d seconds=%.1f transfers=%d throughput=%.1f/s p50=%s p95=%s p99=%s errors: %s",
                r.name(), r.clients(), r.seconds(), r.succeeded(), r.throughput(),
                millis(r.latencies().percentile(50)), millis(r.latencies().percentile(95)),
                millis(r.latencies().percentile(99)), errors);
    }

    /** p50/p95/p99 of a set of latencies. */
    public static String latencies(Latencies l) {
        return "p50=" + millis(l.percentile(50)) + " p95=" + millis(l.percentile(95)) + " p99=" + millis(l.percentile(99));
    }

    /** A ratio in percent, e.g. "OKPay/baseline uniform: 42.0 %"; "n/a" when the denominator measured nothing. */
    public static String ratio(String label, RunResult numerator, RunResult denominator) {
        if (denominator.throughput() <= 0) {
            return label + ": n/a";
        }
        return String.format(Locale.ROOT, "%s: %.1f %%", label, 100.0 * numerator.throughput() / denominator.throughput());
    }

    /**
     * A scenario's ratios to the baselines, each when both sides ran (null: did not): OKPay over the plain-JDBC one,
     * OKPay over the same-work one (the app's cost beside the database's for the same statements), and the same-work
     * over the plain one (what OKPay's schema and statements cost the database over the toy transfer).
     */
    public static List<String> baselineRatios(String scenario, RunResult okpay, RunResult plain, RunResult sameWork) {
        List<String> lines = new ArrayList<>();
        if (okpay != null && plain != null) {
            lines.add(ratio("OKPay/baseline " + scenario, okpay, plain));
        }
        if (okpay != null && sameWork != null) {
            lines.add(ratio("OKPay/same-work JDBC " + scenario, okpay, sameWork));
        }
        if (sameWork != null && plain != null) {
            lines.add(ratio("same-work/plain JDBC " + scenario, sameWork, plain));
        }
        return lines;
    }

    /** The 1, 5 and 15 minute load averages (Linux: /proc/loadavg), or "unknown". */
    public static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            double one = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return one < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", one);
        }
    }

    /**
     * The benchmark's own CPU time over a phase, as a share of the machine (all cores): what the client took from the
     * server it measures when both run on one machine.
     */
    public record Cpu(long cpuNanos, long wallNanos) {

        public static Cpu start() {
            return new Cpu(processCpu(), System.nanoTime());
        }

        public String share(String phase) {
            double cpu = (processCpu() - cpuNanos) / 1e9;
            double wall = (System.nanoTime() - wallNanos) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            return String.format(Locale.ROOT, "bench client CPU in %s: %.1f s in %.1f s on %d cores = %.1f %% of the machine",
                    phase, cpu, wall, cores, wall <= 0 ? 0 : 100.0 * cpu / (wall * cores));
        }

        private static long processCpu() {
            return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        }
    }

    static String millis(long micros) {
        return String.format(Locale.ROOT, "%.1fms", micros / 1000.0);
    }

    /** Minor units as a decimal string with the currency's number of decimals, e.g. (1250, 2) → "12.50". */
    public static String decimal(long minor, int decimals) {
        if (decimals == 0) {
            return Long.toString(minor);
        }
        String sign = minor < 0 ? "-" : "";
        String digits = Long.toString(Math.abs(minor));
        if (digits.length() <= decimals) {
            digits = "0".repeat(decimals - digits.length() + 1) + digits;
        }
        int point = digits.length() - decimals;
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }

    /** The inverse of {@link #decimal}: "12.50" with 2 decimals → 1250 (the API never sends more decimals). */
    public static long minor(String decimal, int decimals) {
        return new java.math.BigDecimal(decimal).movePointRight(decimals).longValueExact();
    }
}
