package io.okpay.shared;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A scheduled job's guard: one pass at a time per instance, so a slow pass (a slow server, a backlog) does not pile up
 * timer runs; a tick that comes while the last pass still runs does nothing.
 */
public final class OnePass {

    private final AtomicBoolean running = new AtomicBoolean();

    public void run(Runnable pass) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            pass.run();
        } finally {
            running.set(false);
        }
    }
}
