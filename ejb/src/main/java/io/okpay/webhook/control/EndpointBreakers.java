package io.okpay.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A circuit breaker per webhook endpoint. MicroProfile's {@code @CircuitBreaker} keeps one state per annotated method,
 * so one merchant's dead server would open it for every merchant; here each endpoint has its own: after
 * {@code okpay.webhook.breaker.failures} failures in a row it is open for {@code okpay.webhook.breaker.open}, and
 * deliveries to it are rescheduled without a call. After that one call goes through (half-open): a success closes it,
 * a failure opens it again at once.
 * <p>
 * The state is per instance, in memory: it protects this instance's dispatcher from waiting on a dead server and the
 * server from a storm of retries; another instance learns the same on its own after a few failures.
 */
@ApplicationScoped
public class EndpointBreakers {

    private final Map<Long, Breaker> breakers = new ConcurrentHashMap<>();
    private int failuresToOpen;
    private Duration openFor;

    @Inject
    public EndpointBreakers(@ConfigProperty(name = "okpay.webhook.breaker.failures", defaultValue = "5") int failuresToOpen,
                            @ConfigProperty(name = "okpay.webhook.breaker.open", defaultValue = "PT1M") Duration openFor) {
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
    }

    /** For CDI's proxy only. */
    protected EndpointBreakers() {
    }

    /** Until when calls to the endpoint are not made, if its breaker is open now. */
    public Optional<Instant> openUntil(long endpointId, Instant now) {
        Breaker breaker = breakers.get(endpointId);
        return breaker == null ? Optional.empty() : breaker.openUntil(now);
    }

    public void succeeded(long endpointId) {
        breakers.remove(endpointId);
    }

    public void failed(long endpointId, Instant now) {
        breakers.computeIfAbsent(endpointId, id -> new Breaker(failuresToOpen, openFor)).failed(now);
    }

    /** Consecutive failures of one endpoint and, once there are enough, until when it is open. */
    static final class Breaker {

        private final int failuresToOpen;
        private final Duration openFor;
        private int failures;
        private Instant openUntil;

        Breaker(int failuresToOpen, Duration openFor) {
            this.failuresToOpen = failuresToOpen;
            this.openFor = openFor;
        }

        synchronized void failed(Instant now) {
            failures++;
            if (failures >= failuresToOpen) {
                openUntil = now.plus(openFor);
            }
        }

        synchronized Optional<Instant> openUntil(Instant now) {
            return openUntil != null && now.isBefore(openUntil) ? Optional.of(openUntil) : Optional.empty();
        }
    }
}
