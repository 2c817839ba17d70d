package io.okpay.shared;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money: whole minor units (cents, yen, fils) of one currency, whose exponent says how many of them make
 * a major unit (USD 2, JPY 0, KWD 3). Never a double. The API and pages speak decimal strings ("12.50"), which
 * {@link #parse} reads strictly: more decimals than the currency has, a sign where none is allowed, or a value beyond
 * {@link #MAX_MINOR} minor units are refused rather than rounded. The cap leaves room below a long's range for sums of
 * thousands of such amounts (a balance, amount plus fee, a converted amount), and a sum that would still leave a long
 * is refused as {@code amount_overflow} (422) instead of wrapping around or failing as an internal error.
 */
public record Money(long minor, String currency, int exponent) implements Serializable {

    /** Digits, optionally a fraction; a leading minus only. No plus sign, exponent, grouping or blanks. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

    /** The largest amount, in minor units of any currency, that OKPay reads (15 digits: 9,999,999,999,999.99 USD). */
    public static final long MAX_MINOR = 999_999_999_999_999L;

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (exponent < 0 || exponent > 4) {
            throw new IllegalArgumentException("exponent out of range: " + exponent);
        }
    }

    /** Which signs an amount may have where it is read. */
    public enum Sign {
        /** More than zero: what a customer sends, pays or tops up. */
        POSITIVE,
        /** Zero or more: a fee, a limit. */
        NOT_NEGATIVE,
        /** Anything: an adjustment. */
        ANY
    }

    /**
     * Reads a decimal string. Failures are a 400 with one field error on {@code field}: amount_invalid (not a
     * decimal number), amount_too_precise (more decimals than the currency has), amount_not_positive /
     * amount_negative (sign not allowed), amount_too_large (more than {@link #MAX_MINOR} minor units either way).
     */
    public static Money parse(String decimal, String currency, int exponent, Sign sign, String field) {
        if (decimal == null || !DECIMAL.matcher(decimal).matches()) {
            throw invalid(field, "amount_invalid");
        }
        BigDecimal value = new BigDecimal(decimal);
        if (value.scale() > exponent) {
            throw invalid(field, "amount_too_precise", exponent);
        }
        if (sign == Sign.POSITIVE && value.signum() <= 0) {
            throw invalid(field, "amount_not_positive");
        }
        if (sign == Sign.NOT_NEGATIVE && (value.signum() < 0 || decimal.startsWith("-"))) {
            throw invalid(field, "amount_negative");
        }
        BigDecimal minor = value.movePointRight(exponent);
        if (minor.abs().compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
            throw invalid(field, "amount_too_large");
        }
        return new Money(minor.longValueExact(), currency, exponent);
    }

    /**
     * A configured amount in major units ("1000", "999.99") as money of a currency with that exponent: the smallest
     * amount of whole minor units that is not below it, so a value finer than the currency counts from the next minor
     * unit up (10.005 USD is 10.01). Unlike {@link #parse} it is for settings, not for input: a value that is not a
     * decimal number is a {@link NumberFormatException}.
     */
    public static Money atLeast(String majorUnits, String currency, int exponent) {
        BigDecimal value = new BigDecimal(majorUnits.trim());
        return new Money(value.movePointRight(exponent).setScale(0, RoundingMode.CEILING).longValueExact(), currency,
                exponent);
    }

    public static Money zero(String currency, int exponent) {
        return new Money(0, currency, exponent);
    }

    /** The decimal string with exactly as many decimals as the currency has: "12.50", "1250" for JPY, "-0.005". */
    public String toDecimal() {
        return BigDecimal.valueOf(minor, exponent).toPlainString();
    }

    /** The sum; one beyond a long of minor units is refused (422 amount_overflow), never wrapped around. */
    public Money plus(Money other) {
        long addend = sameCurrency(other).minor;
        try {
            return new Money(Math.addExact(minor, addend), currency, exponent);
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    /** The difference; one beyond a long of minor units is refused (422 amount_overflow). */
    public Money minus(Money other) {
        long subtrahend = sameCurrency(other).minor;
        try {
            return new Money(Math.subtractExact(minor, subtrahend), currency, exponent);
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    public Money negate() {
        try {
            return new Money(Math.negateExact(minor), currency, exponent);
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    @Override
    public String toString() {
        return toDecimal() + " " + currency;
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency) || exponent != other.exponent) {
            throw new IllegalArgumentException("currency mismatch: " + this + " and " + other);
        }
        return other;
    }

    private static BusinessException overflow() {
        return new BusinessException("amount_overflow");
    }

    private static BusinessException invalid(String field, String code, Object... args) {
        return BusinessException.invalid(List.of(new BusinessException.FieldError(field, code, args)));
    }
}
