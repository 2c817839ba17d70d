package io.okpay.identity.boundary;

import io.okpay.identity.control.Throttle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Growing delays after failed guesses, for other features (a merchant's client credentials, voucher codes), counted
 * as identity counts sign-ins (atomically, before the check): shared by every instance of a cluster, free up to a
 * number of failures, then a doubling wait up to a cap, forgotten an hour after the last failure.
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

    /** One counter: a rule and the key it counts under. */
    public record Key(Rule rule, String key) {
    }

    /**
     * Counts a guess before it is checked, under every key, or refuses it with {@code refusal} (its argument: the seconds
     * to wait) when one key must wait, in one atomic step per key: a burst of parallel guesses gets only the free ones.
     * A guess that turns out right, or could not be checked, gives its count back with {@link #refund}.
     */
    public void attempt(String refusal, Key... keys) {
        throttle.attempt(refusal, internal(keys));
    }

    public void refund(Key... keys) {
        throttle.refund(internal(keys));
    }

    public void reset(Rule rule, String key) {
        throttle.reset(internal(rule), key);
    }

    private static Throttle.Rule internal(Rule rule) {
        return new Throttle.Rule(rule.name(), rule.free(), rule.cap());
    }

    private static Throttle.Key[] internal(Key... keys) {
        Throttle.Key[] internal = new Throttle.Key[keys.length];
        for (int i = 0; i < keys.length; i++) {
            internal[i] = new Throttle.Key(internal(keys[i].rule()), keys[i].key());
        }
        return internal;
    }
}
