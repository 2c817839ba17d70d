package io.okpay.fx.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The numbers of a conversion, always rounded in OKPay's favour: the customer rate is the mid rate less the spread,
 * cut (not rounded) to 10 significant digits; the amount the person receives rounds DOWN to the buy currency's minor
 * unit; the amount they pay, and the fee, round UP to the sell currency's minor unit. Amounts are minor units; the
 * exponents (JPY 0, USD 2, KWD 3) say where the decimal point is.
 */
public final class ConversionPricing {

    private static final MathContext RATE = new MathContext(10, RoundingMode.DOWN);
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    /** Minor units: what leaves the sell wallet is {@code sell + fee}; {@code buy} arrives in the buy wallet. */
    public record Priced(long sell, long buy, long fee) {
    }

    private ConversionPricing() {
    }

    /** Units of the buy currency the person gets per unit sold: mid × (1 − spread), cut to 10 significant digits. */
    public static BigDecimal customerRate(BigDecimal mid, int spreadBps) {
        if (spreadBps < 0 || spreadBps >= 10_000) {
            throw new IllegalArgumentException("spread out of range: " + spreadBps);
        }
        return mid.multiply(BPS.subtract(BigDecimal.valueOf(spreadBps))).divide(BPS).round(RATE).stripTrailingZeros();
    }

    /** Selling a fixed amount: the bought amount rounds down. Throws ArithmeticException beyond a long. */
    public static Priced selling(long sell, int sellExponent, int buyExponent, BigDecimal rate, int feeBps) {
        long buy = BigDecimal.valueOf(sell, sellExponent).multiply(rate)
                .setScale(buyExponent, RoundingMode.DOWN).movePointRight(buyExponent).longValueExact();
        return new Priced(sell, buy, fee(sell, feeBps));
    }

    /** Buying a fixed amount: the sold amount rounds up. Throws ArithmeticException beyond a long. */
    public static Priced buying(long buy, int sellExponent, int buyExponent, BigDecimal rate, int feeBps) {
        long sell = BigDecimal.valueOf(buy, buyExponent).divide(rate, sellExponent, RoundingMode.UP)
                .movePointRight(sellExponent).longValueExact();
        return new Priced(sell, buy, fee(sell, feeBps));
    }

    /** {@code feeBps} of the sold amount, rounded up to the minor unit. */
    static long fee(long sell, int feeBps) {
        if (feeBps < 0) {
            throw new IllegalArgumentException("negative fee: " + feeBps);
        }
        return -Math.floorDiv(-Math.multiplyExact(sell, (long) feeBps), 10_000L);
    }
}
