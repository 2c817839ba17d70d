package io.okpay.merchant.boundary;

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

/**
 * The request budget of each merchant on the API: {@code okpay.api.rate-limit.requests} requests per window of
 * {@code okpay.api.rate-limit.window}, the window starting with the merchant's first request after the last one
 * ended (a fixed window per merchant). Counted in a JCache shared by every instance of a cluster, one atomic entry
 * processor per request, so parallel requests never overspend it.
 */
@ApplicationScoped
public class ApiRateLimits {

    /**
     * What a request was told: the limit, what is left of it after this request, the seconds until the window ends,
     * and whether the request may go on (when not, {@code resetSeconds} is also its Retry-After).
     */
    public record Decision(long limit, long remaining, long resetSeconds, boolean allowed) {
    }

    @Inject
    @ConfigProperty(name = "okpay.api.rate-limit.requests", defaultValue = "100")
    long requests;

    @Inject
    @ConfigProperty(name = "okpay.api.rate-limit.window", defaultValue = "PT1M")
    Duration window;

    @Inject
    @NamedCache(cacheName = "okpay-api-rate", expiryPolicyFactoryClass = ForgetAfterAnHour.class)
    Cache<String, long[]> windows;

    /** Counts one request of the merchant, or refuses it when its window's budget is spent. */
    public Decision take(String merchantId) {
        long now = System.currentTimeMillis();
        long[] state = windows.invoke(merchantId, new Take(), now, requests, window.toMillis());
        return decision(state[0], state[1], state[2] == 1, now);
    }

    private Decision decision(long windowStart, long count, boolean allowed, long now) {
        long resetMillis = Math.max(0, windowStart + window.toMillis() - now);
        return new Decision(requests, Math.max(0, requests - count), (resetMillis + 999) / 1000, allowed);
    }

    /**
     * One step where the entry lives: starts a new window when the last one is over, then counts the request if the
     * budget allows; answers {window start, count, 1 when allowed else 0}.
     */
    static final class Take implements EntryProcessor<String, long[], long[]>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] process(MutableEntry<String, long[]> entry, Object... arguments) {
            long now = (Long) arguments[0];
            long limit = (Long) arguments[1];
            long windowMillis = (Long) arguments[2];
            long[] state = entry.exists() ? entry.getValue() : null;
            if (state == null || now >= state[0] + windowMillis) {
                state = new long[]{now, 0};
            }
            boolean allowed = state[1] < limit;
            if (allowed) {
                state = new long[]{state[0], state[1] + 1};
                entry.setValue(state);
            }
            return new long[]{state[0], state[1], allowed ? 1 : 0};
        }
    }

}
