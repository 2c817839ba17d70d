package io.okpay.shared;

import fish.payara.cdi.jsr107.impl.NamedCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import java.io.Serializable;
import java.time.Duration;

/**
 * Fixed-window rate limits for every feature (a merchant's API requests, a person's chat lines): at most
 * {@code limit} uses per {@code window}, the window starting with the first use after the last one ended. Counted in a
 * JCache shared by every instance of a cluster, one atomic entry processor per use, so parallel uses never overspend.
 * Keys are the caller's ("api:mch_...", "chat:usr_..."): one cache, one prefix per kind of limit.
 */
@ApplicationScoped
public class RateWindows {

    /** What a use was told: the uses counted in the window so far, milliseconds until it ends, and whether it may go on. */
    public record Use(long count, long resetMillis, boolean allowed) {

        /** Seconds until the window ends, rounded up (a Retry-After). */
        public long resetSeconds() {
            return (resetMillis + 999) / 1000;
        }
    }

    @Inject
    @NamedCache(cacheName = "okpay-rate-windows", expiryPolicyFactoryClass = ForgetAfterAnHour.class)
    Cache<String, long[]> windows;

    /** Counts one use under {@code key}, or refuses it when the window's budget is spent. */
    public Use take(String key, long limit, Duration window) {
        long now = System.currentTimeMillis();
        long[] state = windows.invoke(key, new Take(), now, limit, window.toMillis());
        return new Use(state[1], Math.max(0, state[0] + window.toMillis() - now), state[2] == 1);
    }

    /**
     * One step where the entry lives: starts a new window when the last one is over, then counts the use if the
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
