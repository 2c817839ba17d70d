package io.okpay.risk.control;

import io.okpay.risk.boundary.LimitPeriod;
import io.okpay.risk.boundary.MovementKind;
import io.okpay.risk.boundary.Tier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The limits of every tier, read once from configuration: {@code okpay.limits.<tier>.<kind>.<period>} where tier is
 * t0, t1, t2 or merchant, kind topup, send, pay, withdraw or convert, and period transaction, day or month (amounts in
 * the reference currency, as decimals: "150.00") or per-hour (a number of movements). A key not
 * set takes the tier's {@code okpay.limits.<tier>.<period>} (every kind alike), else the default
 * below; {@code okpay.limits.enabled=false} turns every limit off (freezes and self-locks still hold).
 */
@ApplicationScoped
public class LimitTable {

    /** The currency limits are written and counted in; amounts in others are converted at current rates. */
    public static final String REFERENCE_CURRENCY = "EUR";
    public static final int REFERENCE_EXPONENT = 2;

    /**
     * Defaults, in the order of {@link LimitPeriod} (transaction, per-hour, day, month): T0 moves nothing; T1 about 150
     * EUR a month of each kind; T2 and merchants much more.
     */
    private static final Map<Tier, String[]> DEFAULTS = Map.of(
            Tier.T0, new String[]{"0", "0", "0", "0"},
            Tier.T1, new String[]{"150.00", "10", "150.00", "150.00"},
            Tier.T2, new String[]{"5000.00", "30", "10000.00", "30000.00"},
            Tier.MERCHANT, new String[]{"50000.00", "100", "100000.00", "1000000.00"});

    private volatile boolean enabled;
    private final Map<Tier, Map<MovementKind, Map<LimitPeriod, Long>>> limits = new EnumMap<>(Tier.class);

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        enabled = config.getOptionalValue("okpay.limits.enabled", Boolean.class).orElse(true);
        for (Tier tier : Tier.values()) {
            Map<MovementKind, Map<LimitPeriod, Long>> ofTier = new EnumMap<>(MovementKind.class);
            for (MovementKind kind : MovementKind.values()) {
                Map<LimitPeriod, Long> ofKind = new EnumMap<>(LimitPeriod.class);
                for (LimitPeriod period : LimitPeriod.values()) {
                    String tierKey = "okpay.limits." + tier.key() + "." + period.configName();
                    String key = "okpay.limits." + tier.key() + "." + kind.key() + "." + period.configName();
                    String value = config.getOptionalValue(key, String.class)
                            .or(() -> config.getOptionalValue(tierKey, String.class))
                            .orElse(DEFAULTS.get(tier)[period.ordinal()]);
                    ofKind.put(period, parse(key, value, period));
                }
                ofTier.put(kind, ofKind);
            }
            limits.put(tier, ofTier);
        }
    }

    private static long parse(String key, String value, LimitPeriod period) {
        try {
            BigDecimal number = new BigDecimal(value.trim());
            long parsed = period.counts() ? number.longValueExact()
                    : number.movePointRight(REFERENCE_EXPONENT).longValueExact();
            if (parsed < 0) {
                throw new ArithmeticException("negative");
            }
            return parsed;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalStateException(key + " must be a non-negative " + (period.counts() ? "whole number"
                    : "amount with at most " + REFERENCE_EXPONENT + " decimals") + ", not " + value, e);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Limits on or off on this instance until it restarts (the sandbox's switch, for the benchmark). */
    public void switchTo(boolean on) {
        enabled = on;
    }

    /** The limit in minor units of the reference currency, or a number of movements for {@link LimitPeriod#PER_HOUR}. */
    public long max(Tier tier, MovementKind kind, LimitPeriod period) {
        return limits.get(tier).get(kind).get(period);
    }
}
