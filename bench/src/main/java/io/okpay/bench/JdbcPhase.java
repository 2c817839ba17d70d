package io.okpay.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One timed phase of a JDBC baseline: {@code --clients} threads, each on a connection of its own, move money between
 * the scenario's pairs (as the API phases pick them) until the time is up. A failed transfer is rolled back and
 * counted by its SQL error; the phase's figures are every thread's summed.
 */
final class JdbcPhase {

    /** Moves money on one connection, its statements prepared once; each call is one committed transfer. */
    interface Mover extends AutoCloseable {
        void move(int from, int to, long amount) throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** A mover for a new connection of one thread (which it may configure: catalog, isolation, auto-commit off). */
    interface Movers {
        Mover open(Connection connection) throws SQLException;
    }

    private JdbcPhase() {
    }

    /** A new connection to the baselines' server ({@code --jdbc-url}). */
    static Connection connect(Options options) throws SQLException {
        return DriverManager.getConnection(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
    }

    static RunResult run(String name, Options options, Options.Scenario scenario, Movers movers) throws Exception {
        ApiBenchmark.say("timed phase " + name + ": " + options.clients() + " threads for " + options.seconds() + " s ...");
        long started = System.nanoTime();
        long deadline = started + options.seconds() * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        List<Future<Tally>> threads = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            threads.add(pool.submit(() -> work(options, scenario, deadline, movers)));
        }
        List<Latencies> latencies = new ArrayList<>();
        Map<String, Long> errors = new HashMap<>();
        long succeeded = 0;
        for (Future<Tally> f : threads) {
            Tally t = f.get();
            latencies.add(t.latencies);
            succeeded += t.succeeded;
            t.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new RunResult(name, options.clients(), seconds, succeeded, Latencies.merge(latencies), errors);
    }

    private static final class Tally {
        final Latencies latencies = new Latencies();
        final Map<String, Long> errors = new HashMap<>();
        long succeeded;
    }

    private static Tally work(Options options, Options.Scenario scenario, long deadline, Movers movers)
            throws SQLException {
        Tally tally = new Tally();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = options.users();
        try (Connection c = connect(options); Mover mover = movers.open(c)) {
            while (System.nanoTime() < deadline) {
                int from;
                int to;
                if (scenario == Options.Scenario.HOT) {
                    from = 1 + random.nextInt(n - 1);
                    to = 0;
                } else {
                    from = random.nextInt(n);
                    to = (from + 1 + random.nextInt(options.recipientsPerUser())) % n;
                }
                long amount = 1 + random.nextInt(100);
                long start = System.nanoTime();
                try {
                    mover.move(from, to, amount);
                    tally.succeeded++;
                } catch (SQLTransientException e) {
                    c.rollback();
                    tally.errors.merge("sql-transient", 1L, Long::sum);
                } catch (SQLException e) {
                    c.rollback();
                    tally.errors.merge("sql-" + e.getErrorCode(), 1L, Long::sum);
                }
                tally.latencies.add((System.nanoTime() - start) / 1000);
            }
        }
        return tally;
    }
}
