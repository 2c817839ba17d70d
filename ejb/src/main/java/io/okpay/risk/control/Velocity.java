package io.okpay.risk.control;

import fish.payara.cdi.jsr107.impl.NamedCache;
import io.okpay.shared.ForgetAfterAnHour;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import java.io.Serializable;
import java.time.Duration;

/**
 * How many outgoing money movements (send, pay, withdraw, convert) a person made within the hour that began with the
 * first of them, counted in a JCache shared by every instance of a cluster when a movement reaches the ledger. The
 * risk rules ask for a code when it is above {@code okpay.risk.velocity.per-hour}.
 */
@ApplicationScoped
public class Velocity {

    static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    @Inject
    @NamedCache(cacheName = "okpay-risk-velocity", expiryPolicyFactoryClass = ForgetAfterAnHour.class)
    Cache<String, long[]> counts;

    /** One more outgoing movement of the person. */
    public void count(String userId) {
        counts.invoke(userId, new CountOne(), System.currentTimeMillis());
    }

    /** The person's outgoing movements in their current hour; 0 when it is over. */
    public long lastHour(String userId) {
        long[] entry = counts.get(userId);
        return entry == null || System.currentTimeMillis() - entry[0] >= HOUR_MILLIS ? 0 : entry[1];
    }

    /** {window start, count}: a new window when the last one is an hour old; runs where the entry lives. */
    static final class CountOne implements EntryProcessor<String, long[], Void>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Void process(MutableEntry<String, long[]> entry, Object... arguments) {
            long now = (Long) arguments[0];
            long[] value = entry.exists() ? entry.getValue() : null;
            entry.setValue(value == null || now - value[0] >= HOUR_MILLIS ? new long[]{now, 1} : new long[]{value[0], value[1] + 1});
            return null;
        }
    }
}
