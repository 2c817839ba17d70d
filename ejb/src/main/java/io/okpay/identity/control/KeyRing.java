package io.okpay.identity.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which stored signing keys sign and which are published, at a given time; every instance computes the same answer
 * from the same rows. A new key is published {@code activationDelay} before it signs, so every instance (and Payara's
 * cached copy of the key set) knows it before the first token it signed arrives; a replaced key stays published until
 * the last token it signed has expired.
 *
 * @param keys every stored key, in any order
 */
public record KeyRing(List<Entry> keys, Duration rotation, Duration activationDelay, Duration tokenLifetime) {

    /** A stored key: its kid, when it was made and from when it signs. */
    public record Entry(String kid, Instant createdAt, Instant signsFrom) {
    }

    /** Tokens may arrive from a clock a little ahead: a replaced key stays this much longer. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    public KeyRing {
        keys = keys.stream().sorted(Comparator.comparing(Entry::signsFrom).thenComparing(Entry::createdAt).reversed()).toList();
    }

    /** Whether a new key is due: none yet, or the newest is older than the rotation period. */
    public boolean rotationDue(Instant now) {
        return keys.stream().map(Entry::createdAt).max(Comparator.naturalOrder())
                .map(newest -> !newest.plus(rotation).isAfter(now)).orElse(true);
    }

    /** From when a key made now signs: at once when there is no key yet (nothing to verify against), else after the delay. */
    public Instant signsFromForNewKey(Instant now) {
        return keys.isEmpty() ? now : now.plus(activationDelay);
    }

    /**
     * The key that signs now: the newest whose time has come; when none has (its predecessor was deleted by hand), the
     * first to come, which is published already; null only without keys.
     */
    public Entry signing(Instant now) {
        return keys.stream().filter(k -> !k.signsFrom().isAfter(now)).findFirst()
                .orElse(keys.isEmpty() ? null : keys.get(keys.size() - 1));
    }

    /** The keys to publish now, newest first: those yet to sign, the signing one, and replaced ones whose tokens live. */
    public List<Entry> published(Instant now) {
        List<Entry> published = new ArrayList<>();
        Instant replacedAt = null;
        for (Entry key : keys) {
            boolean signed = !key.signsFrom().isAfter(now);
            if (!signed || replacedAt == null || replacedAt.plus(tokenLifetime).plus(CLOCK_SKEW).isAfter(now)) {
                published.add(key);
            }
            if (signed) {
                replacedAt = key.signsFrom();
            }
        }
        return published;
    }
}
