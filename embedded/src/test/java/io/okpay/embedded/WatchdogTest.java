package io.okpay.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchdogTest {

    /** A real child process ({@code sleep}), with a probe the test can turn off for the first one. */
    private final class Sleeper implements Watchdog.Child {
        final Process process;

        Sleeper() throws IOException {
            this.process = new ProcessBuilder("sleep", "300").start();
        }

        @Override
        public ProcessHandle process() {
            return process.toHandle();
        }

        @Override
        public boolean answers() {
            return firstAnswers.get() || started.indexOf(this) > 0;
        }

        @Override
        public String exitDescription() {
            return ChildProcesses.exitDescription(process);
        }

        @Override
        public void close() {
            ChildProcesses.stop(process, Duration.ofSeconds(5));
        }
    }

    private final List<String> console = new CopyOnWriteArrayList<>();
    private final List<Sleeper> started = new CopyOnWriteArrayList<>();
    private final AtomicBoolean firstAnswers = new AtomicBoolean(true);
    private Watchdog watchdog;

    private Watchdog watchdog(int maxRestarts) {
        watchdog = new Watchdog(console::add, Clock.systemUTC(), Duration.ofMillis(50), 3, maxRestarts, Duration.ofMinutes(10));
        return watchdog;
    }

    private Watchdog.Child sleeper() throws IOException {
        Sleeper s = new Sleeper();
        started.add(s);
        return s;
    }

    @AfterEach
    void stopAll() {
        if (watchdog != null) {
            watchdog.close();
        }
        started.forEach(s -> s.process.destroyForcibly());
    }

    @Test
    void aKilledChildIsReportedAndStartedAgain() throws Exception {
        Watchdog w = watchdog(3);
        Watchdog.Child first = w.watch("The mail catcher", this::sleeper);
        w.start();
        first.process().destroyForcibly();

        assertTrue(await(() -> started.size() == 2 && started.get(1).process.isAlive()), "a second child runs");
        assertTrue(await(() -> console.contains("!! The mail catcher is running again.")), console.toString());
        assertEquals("!! The mail catcher stopped (exit status 137). Restarting it ...", console.get(0));
        assertNotEquals(first.process().pid(), started.get(1).process.pid());
        assertFalse(first.process().isAlive());
    }

    @Test
    void aChildThatStopsAnsweringIsKilledAndStartedAgain() throws Exception {
        Watchdog w = watchdog(3);
        Watchdog.Child first = w.watch("Payara Micro", this::sleeper);
        w.start();
        firstAnswers.set(false);
        assertTrue(await(() -> started.size() == 2), console.toString());
        assertTrue(first.process().onExit().get(5, TimeUnit.SECONDS) != null);
        assertEquals("!! Payara Micro is running but has not answered for 3 checks in a row. Restarting it ...",
                console.get(0));
        assertTrue(await(() -> console.contains("!! Payara Micro is running again.")), console.toString());
    }

    @Test
    void aChildThatKeepsDyingMakesItGiveUp() throws Exception {
        Watchdog w = watchdog(2);
        w.watch("MariaDB", this::sleeper);
        w.start();
        for (int i = 0; i < 3; i++) {
            int n = i;
            assertTrue(await(() -> started.size() == n + 1 && started.get(n).process.isAlive()), console.toString());
            started.get(i).process.destroyForcibly();
        }
        Thread waiter = new Thread(() -> {
            try {
                w.awaitGiveUp();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        waiter.join(10_000);
        assertFalse(waiter.isAlive(), "awaitGiveUp returned");
        assertEquals(3, started.size(), "no third restart");
        assertEquals("!! MariaDB stopped (exit status 137), after 2 restarts within 10 min. Giving up: stopping everything.",
                console.get(console.size() - 1));
    }

    @Test
    void aRestartThatFailsMakesItGiveUp() throws Exception {
        Watchdog w = watchdog(3);
        AtomicInteger attempts = new AtomicInteger();
        Watchdog.Child first = w.watch("The mail catcher", () -> {
            if (attempts.incrementAndGet() > 1) {
                throw new IllegalStateException("port 3025 is taken");
            }
            return sleeper();
        });
        w.start();
        first.process().destroyForcibly();
        assertTrue(await(() -> console.size() == 2), console.toString());
        assertEquals("!! The mail catcher did not start again: port 3025 is taken. Giving up: stopping everything.",
                console.get(1));
    }

    @Test
    void closeStopsEveryChildAndRestartsNothing() throws Exception {
        Watchdog w = watchdog(3);
        w.watch("MariaDB", this::sleeper);
        w.watch("The mail catcher", this::sleeper);
        w.start();
        w.close();
        assertEquals(2, started.size());
        started.forEach(s -> assertFalse(s.process.isAlive()));
        Thread.sleep(300);
        assertEquals(2, started.size(), "nothing started after close");
        assertEquals(List.of(), console);
    }

    private static boolean await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
