package io.okpay.risk.control;

import io.okpay.risk.boundary.Tier;
import io.okpay.shared.RecentlyRead;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tiers the posting guard read lately, for {@link #TTL}: two queries fewer on every posting. Only T1 and above are
 * kept, so a person who just verified their e-mail is never held at T0; an approval (or its withdrawal) reaches the
 * guard within the TTL. Pages and GET /me/limits always read afresh. Each instance keeps its own.
 */
@ApplicationScoped
public class TierCache {

    static final Duration TTL = Duration.ofSeconds(5);

    private final RecentlyRead<String, Tier> tiers = new RecentlyRead<>(TTL, tier -> tier != Tier.T0);

    public Optional<Tier> get(String userId, Supplier<Optional<Tier>> load) {
        return tiers.get(userId, load);
    }
}
