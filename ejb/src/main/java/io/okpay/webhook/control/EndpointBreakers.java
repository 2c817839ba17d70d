package io.okpay.webhook.control;

import fish.payara.cdi.jsr107.impl.NamedCache;
import io.okpay.shared.ForgetAfterAnHour;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A circuit breaker per webhook endpoint. MicroProfile's {@code @CircuitBreaker} keeps one state per annotated method,
 * so one merchant's dead server would open it for every merchant; here each endpoint has its own: after
 * {@code okpay.webhook.breaker.failures} failures in a row it is open for {@code okpay.webhook.breaker.open}, and
 * deliveries to it are rescheduled without a call. After that calls go through again (half-open): a success closes
 * it, a failure opens it again at once.
 * <p>
 * The state lives in a JCache shared by every instance of a cluster (one atomic entry processor per failure), so the
 * instances' dispatchers open and close an endpoint's breaker together: a dead server gets no calls from any of them.
 */
@ApplicationScoped
public class EndpointBreakers {

    @Inject
    @ConfigProperty(name = "okpay.webhook.breaker.failures", defaultValue = "5")
    int failuresToOpen;

    @Inject
    @ConfigProperty(name = "okpay.webhook.breaker.open", defaultValue = "PT1M")
    Duration openFor;

    /** Per endpoint id: {failures in a row, open until (epoch milliseconds, 0 while closed)}. */
    @Inject
    @NamedCache(cacheName = "okpay-webhook-breakers", expiryPolicyFactoryClass = ForgetAfterAnHour.class)
    Cache<Long, long[]> breakers;

    /** Until when calls to the endpoint are not made, if its breaker is open now. */
    public Optional<Instant> openUntil(long endpointId, Instant now) {
        return openUntil(breakers.get(endpointId), now);
    }

    public void succeeded(long endpointId) {
        breakers.remove(endpointId);
    }

    public void failed(long endpointId, Instant now) {
        breakers.invoke(endpointId, new Failure(), now.toEpochMilli(), (long) failuresToOpen, openFor.toMillis());
    }

    static Optional<Instant> openUntil(long[] state, Instant now) {
        return state != null && now.toEpochMilli() < state[1] ? Optional.of(Instant.ofEpochMilli(state[1]))
                : Optional.empty();
    }

    /** One more failure in a row, where the entry lives; enough of them open the breaker from now on. */
    static final class Failure implements EntryProcessor<Long, long[], Void>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Void process(MutableEntry<Long, long[]> entry, Object... arguments) {
            long now = (Long) arguments[0];
            long failuresToOpen = (Long) arguments[1];
            long openForMillis = (Long) arguments[2];
            long[] state = entry.exists() ? entry.getValue() : new long[]{0, 0};
            long failures = state[0] + 1;
            entry.setValue(new long[]{failures, failures >= failuresToOpen ? now + openForMillis : state[1]});
            return null;
        }
    }
}
