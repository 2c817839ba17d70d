package io.okpay.shared;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Values read from the database within the last {@code ttl}, per instance, for reads on every posting whose answer may
 * be a few seconds old. Only values that {@code keep} approves are remembered (so a state that must take effect at
 * once, such as "not verified yet", is read every time); nothing found is never remembered. At most 100,000 entries:
 * past that everything is forgotten at once, which costs one read each.
 */
public final class RecentlyRead<K, V> {

    private static final int MAX_ENTRIES = 100_000;

    private record Entry<V>(V value, long until) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final Predicate<V> keep;

    public RecentlyRead(Duration ttl, Predicate<V> keep) {
        this.ttlNanos = ttl.toNanos();
        this.keep = keep;
    }

    /** The remembered value, or what {@code load} reads now (remembered if kept). */
    public Optional<V> get(K key, Supplier<Optional<V>> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.until() - now > 0) {
            return Optional.of(entry.value());
        }
        Optional<V> value = load.get();
        if (value.isPresent() && keep.test(value.get())) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value.get(), now + ttlNanos));
        }
        return value;
    }

    public void forget(K key) {
        entries.remove(key);
    }

    public void forgetAll() {
        entries.clear();
    }
}
