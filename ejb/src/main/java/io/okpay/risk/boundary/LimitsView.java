package io.okpay.risk.boundary;

import java.time.Instant;
import java.util.List;

/**
 * A person's tier and every limit it gives them, with what they used of each in the current window: amounts in minor
 * units of {@code currency} (the reference currency), per-hour limits as numbers of movements.
 *
 * @param enabled  whether this OKPay enforces limits at all (okpay.limits.enabled)
 * @param raiseUrl where to raise the limits (the identity verification form), null when the tier is the highest
 */
public record LimitsView(Tier tier, boolean enabled, String currency, int exponent, String raiseUrl, List<Line> limits) {

    public LimitsView {
        limits = List.copyOf(limits);
    }

    /** One limit: {@code used} and {@code resetsAt} are 0 and null for a per-transaction limit. */
    public record Line(MovementKind kind, LimitPeriod period, long max, long used, Instant resetsAt) {

        public String name() {
            return kind.key() + "." + period.apiName();
        }

        public long remaining() {
            return Math.max(0, max - used);
        }
    }
}
