package io.okpay.identity.control;

import fish.payara.cdi.jsr107.impl.NamedCache;
import io.okpay.shared.BusinessException;
import io.okpay.shared.ForgetAfterAnHour;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;

/**
 * Growing delays after failures (sign-in, one-time codes), counted in a JCache shared by every instance of a cluster
 * and updated atomically with entry processors. After {@code free} failures each further one doubles the wait, up to
 * {@code cap}; a key is forgotten an hour after its last failure. Caps are short for keys an attacker can aim at a
 * victim (the account alone) and long for keys that are the attacker's own (an IP, an account from one IP).
 */
@ApplicationScoped
public class Throttle {

    public record Rule(String name, int free, Duration cap) {
    }

    public static final Rule ACCOUNT = new Rule("account", 10, Duration.ofMinutes(1));
    public static final Rule ACCOUNT_FROM_IP = new Rule("account-ip", 5, Duration.ofMinutes(15));
    /** Guesses of the current password on the security page (or API), per account. */
    public static final Rule CURRENT_PASSWORD = new Rule("current-password", 5, Duration.ofMinutes(15));
    /** Sign-ups per e-mail address: each one mails the owner of the address. */
    public static final Rule SIGN_UP_ADDRESS = new Rule("sign-up-address", 3, Duration.ofMinutes(15));

    /** One counter: a rule and the key it counts under. */
    public record Key(Rule rule, String key) {
    }

    /**
     * Free failures per IP address (sign-in, client-credential exchange, reset requests): configurable because many
     * honest people can share one address (an office, a carrier's NAT), and every test comes from 127.0.0.1.
     */
    @Inject
    @ConfigProperty(name = "okpay.throttle.per-address.free", defaultValue = "30")
    int perAddressFree;

    @Inject
    @NamedCache(cacheName = "okpay-throttle", expiryPolicyFactoryClass = ForgetAfterAnHour.class)
    Cache<String, long[]> failures;

    @Inject
    @ConfigProperty(name = "okpay.throttle.sign-up.per-address.free", defaultValue = "20")
    int signUpsPerAddressFree;

    /** Sign-ups per IP address: configurable for the same reason as {@link #perAddress()}. */
    public Rule signUpsPerAddress() {
        return new Rule("sign-up-ip", signUpsPerAddressFree, Duration.ofMinutes(15));
    }

    /** The per-IP-address rule. */
    public Rule perAddress() {
        return new Rule("ip", perAddressFree, Duration.ofMinutes(15));
    }

    public void failed(Rule rule, String key) {
        failures.invoke(rule.name() + ":" + key, new CountFailure(), System.currentTimeMillis());
    }

    public void reset(Rule rule, String key) {
        failures.remove(rule.name() + ":" + key);
    }

    /**
     * Counts an attempt before its outcome is known, under every key, or refuses it with {@code refusal} (its argument:
     * the seconds to wait) when one key must wait; keys already counted are then given back. Deciding and counting
     * happen in one atomic step per key, so a burst of parallel attempts cannot all pass the check before any failure
     * is counted. An attempt that turns out right gives its count back with {@link #refund}.
     */
    public void attempt(String refusal, Key... keys) {
        long now = System.currentTimeMillis();
        for (int i = 0; i < keys.length; i++) {
            Key key = keys[i];
            long wait = failures.invoke(key.rule().name() + ":" + key.key(), new CountAttempt(),
                    now, (long) key.rule().free(), key.rule().cap().toMillis());
            if (wait > 0) {
                refund(Arrays.copyOf(keys, i));
                throw new BusinessException(refusal, wait);
            }
        }
    }

    /** Takes back attempts counted by {@link #attempt} that were not failures after all. */
    public void refund(Key... keys) {
        for (Key key : keys) {
            failures.invoke(key.rule().name() + ":" + key.key(), new Refund());
        }
    }

    static long waitSeconds(Rule rule, long failureCount, long lastFailureMillis, long nowMillis) {
        if (failureCount < rule.free()) {
            return 0;
        }
        long exponent = Math.min(failureCount - rule.free(), 30);
        long delayMillis = Math.min(rule.cap().toMillis(), 1000L << exponent);
        long remaining = lastFailureMillis + delayMillis - nowMillis;
        return remaining <= 0 ? 0 : (remaining + 999) / 1000;
    }

    /** Adds one failure and remembers when; runs where the entry lives, so concurrent failures all count. */
    static final class CountFailure implements EntryProcessor<String, long[], Void>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Void process(MutableEntry<String, long[]> entry, Object... arguments) {
            long now = (Long) arguments[0];
            long count = entry.exists() ? entry.getValue()[0] : 0;
            entry.setValue(new long[]{count + 1, now});
            return null;
        }
    }

    /**
     * Decides and counts in one step where the entry lives: refuses (the seconds to wait) when the failures so far call
     * for a wait, otherwise counts one more and answers 0.
     */
    static final class CountAttempt implements EntryProcessor<String, long[], Long>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Long process(MutableEntry<String, long[]> entry, Object... arguments) {
            long now = (Long) arguments[0];
            Rule rule = new Rule("", (int) (long) (Long) arguments[1], Duration.ofMillis((Long) arguments[2]));
            long count = entry.exists() ? entry.getValue()[0] : 0;
            long wait = entry.exists() ? waitSeconds(rule, count, entry.getValue()[1], now) : 0;
            if (wait > 0) {
                return wait;
            }
            entry.setValue(new long[]{count + 1, now});
            return 0L;
        }
    }

    /** One counted attempt less; the time of the last failure stays. */
    static final class Refund implements EntryProcessor<String, long[], Void>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Void process(MutableEntry<String, long[]> entry, Object... arguments) {
            if (entry.exists() && entry.getValue()[0] > 0) {
                entry.setValue(new long[]{entry.getValue()[0] - 1, entry.getValue()[1]});
            }
            return null;
        }
    }

}
