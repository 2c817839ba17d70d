package io.okpay.identity.boundary;

import io.okpay.identity.control.Throttle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Growing delays after failed guesses, for other features (a merchant's client credentials, voucher codes), counted
 * as identity counts failed sign-ins: shared by every instance of a cluster, free up to a number of failures, then a
 * doubling wait up to a cap, forgotten an hour after the last failure.
 */
@ApplicationScoped
public class Throttling {

    /** What is counted ({@code name}, unique per kind of guess), the failures that cost nothing, the longest wait. */
    public record Rule(String name, int free, Duration cap) {
    }

    @Inject
    Throttle throttle;

    /** The rule for an IP address: the same count as failed sign-ins from it. */
    public Rule perAddress() {
        Throttle.Rule rule = throttle.perAddress();
        return new Rule(rule.name(), rule.free(), rule.cap());
    }

    /** Seconds to wait before the next attempt for this key is considered; 0 when it may happen now. */
    public long secondsToWait(Rule rule, String key) {
        return throttle.secondsToWait(internal(rule), key);
    }

    public void failed(Rule rule, String key) {
        throttle.failed(internal(rule), key);
    }

    public void reset(Rule rule, String key) {
        throttle.reset(internal(rule), key);
    }

    private static Throttle.Rule internal(Rule rule) {
        return new Throttle.Rule(rule.name(), rule.free(), rule.cap());
    }
}
