package io.okpay.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Keeps the run command's child processes alive: checks them every interval, says plainly on the console when one
 * stopped (or stopped answering), and starts it again. A child that keeps dying ({@code maxRestarts} within
 * {@code window}) is not started again: the watchdog gives up, says so, and {@link #awaitGiveUp} returns so that the
 * run command can stop everything. {@link #close} stops watching first, then the children, newest first.
 */
final class Watchdog implements AutoCloseable {

    /** A running child: its process, and whether it still does its job. */
    interface Child extends AutoCloseable {
        ProcessHandle process();

        /** A cheap probe beyond "the process lives"; a child failing it {@code silentChecks} times in a row is restarted. */
        default boolean answers() {
            return true;
        }

        /** How the process ended, e.g. "exit status 137", when the child knows. */
        default String exitDescription() {
            return "";
        }

        /** Stops the process (if it still runs) and cleans up; must not throw. */
        @Override
        void close();
    }

    /** Starts a child and returns once it is ready; on failure cleans up after itself and throws. */
    @FunctionalInterface
    interface Starter {
        Child start() throws Exception;
    }

    private static final class Watched {
        final String name;
        final Starter starter;
        final Deque<Instant> restarts = new ArrayDeque<>();
        Child current;
        int silent;

        Watched(String name, Starter starter, Child current) {
            this.name = name;
            this.starter = starter;
            this.current = current;
        }
    }

    private final Consumer<String> console;
    private final Clock clock;
    private final Duration interval;
    private final int silentChecks;
    private final int maxRestarts;
    private final Duration window;
    private final List<Watched> watched = new ArrayList<>();
    private final CountDownLatch gaveUp = new CountDownLatch(1);
    private final Object lock = new Object();
    private volatile boolean closing;
    private Thread thread;

    Watchdog(Consumer<String> console, Clock clock, Duration interval, int silentChecks, int maxRestarts, Duration window) {
        this.console = console;
        this.clock = clock;
        this.interval = interval;
        this.silentChecks = silentChecks;
        this.maxRestarts = maxRestarts;
        this.window = window;
    }

    /** Starts a child for the first time (a failure here is the caller's) and watches it from then on. */
    Child watch(String name, Starter starter) throws Exception {
        Child child = starter.start();
        synchronized (lock) {
            if (closing) {
                child.close();
                throw new IllegalStateException("Stopping: " + name + " not started");
            }
            watched.add(new Watched(name, starter, child));
        }
        return child;
    }

    /** The child watched under {@code name} as it runs now (after a restart, the new one). */
    Child current(String name) {
        synchronized (lock) {
            for (Watched w : watched) {
                if (w.name.equals(name)) {
                    return w.current;
                }
            }
        }
        throw new IllegalArgumentException("Nothing watched is called " + name);
    }

    /** Begins the checks in a thread of their own. */
    synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::loop, "okpay-watchdog");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Blocks until the watchdog gave up on a child (the run command then stops) or the thread is interrupted. */
    void awaitGiveUp() throws InterruptedException {
        gaveUp.await();
    }

    private void loop() {
        while (!closing && gaveUp.getCount() > 0) {
            List<Watched> now;
            synchronized (lock) {
                now = List.copyOf(watched);
            }
            for (Watched w : now) {
                if (closing || !check(w)) {
                    return;
                }
            }
            if (!pause(interval)) {
                return;
            }
        }
    }

    /** @return false when the watchdog stops (closing, or it gave up) */
    private boolean check(Watched w) {
        Child child = w.current;
        String what;
        if (!child.process().isAlive()) {
            String exit = child.exitDescription();
            what = "stopped" + (exit.isEmpty() ? "" : " (" + exit + ")");
        } else if (child.answers()) {
            w.silent = 0;
            return true;
        } else if (++w.silent < silentChecks) {
            return true;
        } else {
            what = "is running but has not answered for " + w.silent + " checks in a row";
        }
        // Ctrl-C reaches the children as well as the run command: a child that ends then is not a crash.
        if (!pause(interval) || closing) {
            return false;
        }
        child.close();
        Instant now = clock.instant();
        while (!w.restarts.isEmpty() && w.restarts.peekFirst().isBefore(now.minus(window))) {
            w.restarts.removeFirst();
        }
        if (w.restarts.size() >= maxRestarts) {
            say("!! " + w.name + " " + what + ", after " + maxRestarts + " restarts within " + describe(window)
                    + ". Giving up: stopping everything.");
            gaveUp.countDown();
            return false;
        }
        w.restarts.addLast(now);
        say("!! " + w.name + " " + what + ". Restarting it ...");
        try {
            Child fresh = w.starter.start();
            synchronized (lock) {
                if (closing) {
                    fresh.close();
                    return false;
                }
                w.current = fresh;
                w.silent = 0;
            }
            say("!! " + w.name + " is running again.");
            return true;
        } catch (Exception e) {
            if (closing) {
                return false;
            }
            say("!! " + w.name + " did not start again: " + e.getMessage() + ". Giving up: stopping everything.");
            gaveUp.countDown();
            return false;
        }
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void say(String line) {
        console.accept(line);
    }

    private static String describe(Duration d) {
        return d.toMinutes() >= 1 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    /** Stops watching (waiting for a restart under way to finish or fail), then stops the children, newest first. */
    @Override
    public void close() {
        closing = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(Duration.ofMinutes(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            for (int i = watched.size() - 1; i >= 0; i--) {
                watched.get(i).current.close();
            }
            watched.clear();
        }
    }
}
