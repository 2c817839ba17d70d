package io.okpay.identity.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The people the money path names, as read within the last {@link #TTL}: a transfer's sender by id and its recipient
 * by e-mail address or username, without reading the user rows again on every transfer. Only people with a verified
 * address and an open account are kept, so nobody is held at "not verified" by it. A change to a person on this
 * instance forgets them at once ({@link #forget}, from the entity's listener); other instances see it within the TTL.
 * For the money path only, whose ledger checks balances and account states under its own locks: pages and settings
 * read afresh ({@link Users}), so a person always sees their own change. Each instance keeps its own.
 */
@ApplicationScoped
public class RecentUsers {

    static final Duration TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 100_000;

    private record Entry(UserView user, long until) {
    }

    @EJB
    Users users;

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    /** As {@link Users#require}: 404 when there is no such user. */
    public UserView require(String userId) {
        return cached(byId, userId, () -> Optional.of(users.require(userId))).orElseThrow();
    }

    /** As {@link Users#findByEmailOrUsername}. */
    public Optional<UserView> findByEmailOrUsername(String emailOrUsername) {
        String wanted = emailOrUsername == null ? "" : emailOrUsername.trim();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        // Addresses are kept in lower case, and usernames compare without case (the column's collation).
        return cached(byName, wanted.toLowerCase(Locale.ROOT), () -> users.findByEmailOrUsername(wanted));
    }

    /**
     * Forgets a person who changed (address, name, language, verification, closure, roles ...). Every name goes: an
     * address or username may now be someone else's, and people change their settings far less often than they pay.
     */
    public void forget(String userId) {
        byId.remove(userId);
        byName.clear();
    }

    private Optional<UserView> cached(Map<String, Entry> entries, String key, Supplier<Optional<UserView>> load) {
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && entry.until() - now > 0) {
            return Optional.of(entry.user());
        }
        Optional<UserView> user = load.get();
        if (user.isPresent() && user.get().emailVerified()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(user.get(), now + TTL.toNanos()));
        }
        return user;
    }
}
