package io.okpay.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: the base interval doubling with each attempt up to a cap, with jitter so that
 * the deliveries of a merchant whose server was down do not all come back in the same second; after
 * {@code okpay.webhook.max-age} since the event, a delivery fails for good.
 */
@ApplicationScoped
public class RetrySchedule {

    private Duration base;
    private Duration maxInterval;
    private Duration maxAge;

    @Inject
    public RetrySchedule(@ConfigProperty(name = "okpay.webhook.retry-base", defaultValue = "PT30S") Duration base,
                         @ConfigProperty(name = "okpay.webhook.retry-max-interval", defaultValue = "PT4H") Duration maxInterval,
                         @ConfigProperty(name = "okpay.webhook.max-age", defaultValue = "P3D") Duration maxAge) {
        this.base = base;
        this.maxInterval = maxInterval;
        this.maxAge = maxAge;
    }

    /** For CDI's proxy only. */
    protected RetrySchedule() {
    }

    /** When to try again after {@code attempts} failed attempts. */
    public Instant next(int attempts, Instant now) {
        return now.plus(withJitter(backOff(attempts, base, maxInterval), ThreadLocalRandom.current().nextDouble()));
    }

    /** Whether a delivery created at {@code createdAt} is past its retry period. */
    public boolean expired(Instant createdAt, Instant now) {
        return now.isAfter(createdAt.plus(maxAge));
    }

    /** base, 2 base, 4 base ... capped at {@code max}; attempts counts from 1. */
    static Duration backOff(int attempts, Duration base, Duration max) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = base.multipliedBy(1L << Math.min(doublings, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** "Equal jitter": half the delay fixed, the other half random ({@code random} in [0, 1)). */
    static Duration withJitter(Duration delay, double random) {
        long millis = delay.toMillis();
        return Duration.ofMillis(millis / 2 + (long) (millis / 2.0 * random));
    }
}
