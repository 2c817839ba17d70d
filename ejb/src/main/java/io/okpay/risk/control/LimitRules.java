package io.okpay.risk.control;

import io.okpay.risk.boundary.LimitExceeded;
import io.okpay.risk.boundary.LimitPeriod;
import io.okpay.risk.boundary.MovementKind;
import io.okpay.risk.boundary.Tier;
import io.okpay.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * Whether one more movement of {@code amount} (minor units of the reference currency) fits a tier's limits of its
 * kind, given what the owner used so far: per transaction, then the hour's count, the day's and the month's amounts.
 * Exactly at a limit fits; one minor unit over is refused with {@link LimitExceeded}.
 */
@ApplicationScoped
public class LimitRules {

    @Inject
    LimitTable table;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String baseUrl;

    public void check(Tier tier, MovementKind kind, long amount, Usage used, Instant now) {
        String raise = tier == Tier.T2 || tier == Tier.MERCHANT ? null : raiseUrl(baseUrl);
        long perTransaction = table.max(tier, kind, LimitPeriod.TRANSACTION);
        if (amount > perTransaction) {
            throw new LimitExceeded(kind, LimitPeriod.TRANSACTION, reference(perTransaction), 0, null, raise);
        }
        long hourly = table.max(tier, kind, LimitPeriod.PER_HOUR);
        if (used.of(LimitPeriod.PER_HOUR) + 1 > hourly) {
            throw new LimitExceeded(kind, LimitPeriod.PER_HOUR, null,
                    Math.max(0, hourly - used.of(LimitPeriod.PER_HOUR)), LimitPeriod.PER_HOUR.resetsAt(now), raise);
        }
        for (LimitPeriod period : new LimitPeriod[]{LimitPeriod.DAY, LimitPeriod.MONTH}) {
            long max = table.max(tier, kind, period);
            if (used.of(period) + amount > max) {
                throw new LimitExceeded(kind, period, reference(Math.max(0, max - used.of(period))), 0,
                        period.resetsAt(now), raise);
            }
        }
    }

    private static Money reference(long minor) {
        return new Money(minor, LimitTable.REFERENCE_CURRENCY, LimitTable.REFERENCE_EXPONENT);
    }

    /** Where a person raises their limits: the identity verification form. */
    public static String raiseUrl(String baseUrl) {
        return baseUrl.replaceAll("/+$", "") + "/kyc/verify.xhtml";
    }
}
