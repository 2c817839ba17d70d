package io.okpay.identity.boundary;

import io.okpay.shared.RecentlyRead;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The people the money path names, as read within the last {@link #TTL}: a transfer's sender by id and its recipient
 * by e-mail address or username, without reading the user rows again on every transfer. Only people with a verified
 * address are kept, so nobody is held at "not verified" by it; a closed account is never found by name, and its
 * holder's tokens are refused before they reach the money path. A change to a person on this
 * instance forgets them at once ({@link #forget}, from the entity's listener); other instances see it within the TTL.
 * For the money path only, whose ledger checks balances and account states under its own locks: other pages and
 * settings read afresh ({@link Users}), so a person always sees their own change. Each instance keeps its own.
 */
@ApplicationScoped
public class RecentUsers {

    static final Duration TTL = Duration.ofSeconds(5);

    @EJB
    Users users;

    private final RecentlyRead<String, UserView> byId = new RecentlyRead<>(TTL, UserView::emailVerified);
    private final RecentlyRead<String, UserView> byName = new RecentlyRead<>(TTL, UserView::emailVerified);

    /** As {@link Users#require}: 404 when there is no such user. */
    public UserView require(String userId) {
        return byId.get(userId, () -> Optional.of(users.require(userId))).orElseThrow();
    }

    /** As {@link Users#findByEmailOrUsername}, which finds no closed account. */
    public Optional<UserView> findByEmailOrUsername(String emailOrUsername) {
        String wanted = emailOrUsername == null ? "" : emailOrUsername.trim();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        // Addresses are kept in lower case, and usernames compare without case (the column's collation).
        return byName.get(wanted.toLowerCase(Locale.ROOT), () -> users.findByEmailOrUsername(wanted));
    }

    /**
     * Forgets a person who changed (address, name, language, verification, closure, roles ...). Every name goes: an
     * address or username may now be someone else's, and people change their settings far less often than they pay.
     */
    public void forget(String userId) {
        byId.forget(userId);
        byName.forgetAll();
    }
}
