package io.okpay.risk.control;

import io.okpay.risk.boundary.Tier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The tiers the posting guard read lately, for {@link #TTL}: two queries fewer on every posting. Only T1 and above are
 * kept, so a person who just verified their e-mail is never held at T0; an approval (or its withdrawal) reaches the
 * guard within the TTL. Pages and GET /me/limits always read afresh. Each instance keeps its own.
 */
@ApplicationScoped
public class TierCache {

    static final Duration TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 100_000;

    private record Entry(Tier tier, long until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public Optional<Tier> get(String userId, Supplier<Optional<Tier>> load) {
        long now = System.nanoTime();
        Entry entry = entries.get(userId);
        if (entry != null && entry.until - now > 0) {
            return Optional.of(entry.tier);
        }
        Optional<Tier> tier = load.get();
        if (tier.isPresent() && tier.get() != Tier.T0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(userId, new Entry(tier.get(), now + TTL.toNanos()));
        }
        return tier;
    }
}
