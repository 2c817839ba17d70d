package io.okpay.identity.boundary;

import io.okpay.identity.control.Throttle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Growing waits after failed attempts, for features that let people guess something (a voucher code): counted like
 * sign-in failures ({@link Throttle}), in the cache every instance of a cluster shares. After {@code free} failures
 * under a rule each further one doubles the wait, up to {@code cap}; a key is forgotten an hour after its last failure.
 */
@ApplicationScoped
public class Throttling {

    /** A named count of failures: {@code free} of them cost nothing, then waits grow up to {@code cap}. */
    public record Rule(String name, int free, Duration cap) {
    }

    @Inject
    Throttle throttle;

    /** Seconds to wait before the next attempt is considered; 0 when it may happen now. */
    public long secondsToWait(Rule rule, String key) {
        return throttle.secondsToWait(counted(rule), key);
    }

    public void failed(Rule rule, String key) {
        throttle.failed(counted(rule), key);
    }

    /** Forgets the failures, after an attempt that succeeded. */
    public void reset(Rule rule, String key) {
        throttle.reset(counted(rule), key);
    }

    private static Throttle.Rule counted(Rule rule) {
        return new Throttle.Rule(rule.name(), rule.free(), rule.cap());
    }
}
