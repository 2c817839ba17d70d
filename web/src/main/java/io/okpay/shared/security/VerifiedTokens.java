package io.okpay.shared.security;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens that MicroProfile JWT verified on this instance, remembered by their exact text until they expire
 * (at most {@link #MAX_AGE} after the check), so a client that sends the same access token again is not verified
 * again: Payara rebuilds the public keys from the key set's text and checks the signature on every request, which
 * cost about half of what an authenticated API call costs. Only tokens that passed are remembered; any other text, a
 * forgery differing by one character included, goes to the full check. Access tokens cannot be revoked before they
 * expire (a closed account is refused by {@code ClosedAccountFilter} on every request), so remembering one changes
 * no answer; {@link #MAX_AGE} bounds how long a token signed with a key that was taken out of the key set still
 * passes, well inside Payara's own five-minute cache of the key set. At most {@link #CAPACITY} tokens per instance.
 */
final class VerifiedTokens {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final int CAPACITY = 20_000;

    /** What the check established: the caller (MicroProfile JWT's principal, the token itself) and the groups. */
    record Verified(Principal caller, Set<String> groups, Instant until) {
    }

    private final Map<String, Verified> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The token's verified caller, if this token passed here before and has not expired (nor aged past MAX_AGE). */
    Optional<Verified> find(String token) {
        Verified verified = tokens.get(token);
        if (verified == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(verified.until())) {
            tokens.remove(token, verified);
            return Optional.empty();
        }
        return Optional.of(verified);
    }

    /**
     * Remembers a token that just passed the full check. {@code expiresAt} is its {@code exp} (null: unknown, then it
     * is not remembered).
     */
    void remember(String token, Principal caller, Set<String> groups, Instant expiresAt) {
        if (expiresAt == null || caller == null) {
            return;
        }
        Instant now = clock.instant();
        Instant until = expiresAt.isBefore(now.plus(MAX_AGE)) ? expiresAt : now.plus(MAX_AGE);
        if (!now.isBefore(until)) {
            return;
        }
        if (tokens.size() >= CAPACITY) {
            tokens.values().removeIf(v -> !now.isBefore(v.until()));
            if (tokens.size() >= CAPACITY) {
                tokens.clear();
            }
        }
        tokens.put(token, new Verified(caller, Set.copyOf(groups == null ? Set.of() : groups), until));
    }

    int size() {
        return tokens.size();
    }
}
