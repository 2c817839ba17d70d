package io.okpay.fx.boundary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Reference rates as published: how many units of each currency one unit of the base buys, on a publication date.
 * Rates are not money: they are exact decimals as published; amounts are converted and rounded where money moves.
 */
public record RateTable(String source, String base, LocalDate publishedOn, Map<String, BigDecimal> rates, Instant fetchedAt) {

    /** Cross rates keep 12 significant digits, far beyond what any minor unit needs. */
    static final MathContext CROSS = new MathContext(12, RoundingMode.HALF_EVEN);

    /** The European Central Bank's daily reference rates. */
    public static final String ECB = "ecb";
    /** The sandbox's dated snapshot in the ECB's format: not today's market, shown as such. */
    public static final String SANDBOX = "sandbox";

    public RateTable {
        rates = Map.copyOf(rates);
    }

    public boolean sandbox() {
        return SANDBOX.equals(source);
    }

    /** Units of {@code to} that one unit of {@code from} buys at mid-market, if both are in the table. */
    public Optional<BigDecimal> rate(String from, String to) {
        Optional<BigDecimal> fromPerBase = perBase(from);
        Optional<BigDecimal> toPerBase = perBase(to);
        if (fromPerBase.isEmpty() || toPerBase.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toPerBase.get().divide(fromPerBase.get(), CROSS));
    }

    private Optional<BigDecimal> perBase(String currency) {
        return base.equals(currency) ? Optional.of(BigDecimal.ONE) : Optional.ofNullable(rates.get(currency));
    }
}
