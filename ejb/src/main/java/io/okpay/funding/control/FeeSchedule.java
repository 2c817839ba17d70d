package io.okpay.funding.control;

import io.okpay.funding.boundary.FeeQuote;
import io.okpay.funding.boundary.TopUpMethod;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Money;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fees and limits of top-ups, per method and currency, from configuration (README, "Top-up fees and limits"):
 * <pre>
 * okpay.topup.&lt;method&gt;.fee-bps              percentage part in basis points for every currency (290 = 2.90 %)
 * okpay.topup.&lt;method&gt;.fee-bps.&lt;currency&gt;   the same for one currency, replacing the line above
 * okpay.topup.&lt;method&gt;.fee-fixed.&lt;currency&gt; fixed part in minor units of that currency (30 = 0.30 USD)
 * okpay.topup.min.&lt;currency&gt;, .max.&lt;currency&gt;  smallest and largest top-up in minor units
 * okpay.topup.&lt;method&gt;.min.&lt;currency&gt;, ...   the same for one method, replacing the line above
 * </pre>
 * with method {@code card}, {@code bank-transfer} or {@code voucher} and the currency in lower case ({@code usd}).
 * A currency without a configured maximum cannot be topped up (closed unless someone decided a limit).
 * <p>
 * The fee is {@code ceil(amount * bps / 10000) + fixed}: exact integer arithmetic on minor units, and the percentage
 * part is rounded up to the next minor unit, in OKPay's favour (2.90 % of 10.01 USD is 29.029 cents: 30 cents; 2.90 %
 * of 1,001 JPY is 29.029 yen: 30 yen; of 10.001 KWD, 290.029 fils: 291 fils). The person pays amount + fee.
 */
@Dependent
public class FeeSchedule {

    static final long BASIS_POINTS = 10_000;

    private final Function<String, Optional<String>> settings;

    @Inject
    public FeeSchedule(Config config) {
        this(key -> config.getOptionalValue(key, String.class));
    }

    /** @param settings the configuration value of a key, if set */
    public FeeSchedule(Function<String, Optional<String>> settings) {
        this.settings = settings;
    }

    /**
     * The fee and total for topping up {@code amount}, or a 400 with a field error on {@code amount} (not positive,
     * below the minimum, above the maximum) or {@code currency} (no top-ups in it).
     */
    public FeeQuote quote(TopUpMethod method, Money amount) {
        String currency = amount.currency();
        if (!amount.isPositive()) {
            throw BusinessException.invalid(List.of(new FieldError("amount", "amount_not_positive")));
        }
        Optional<Long> max = limit(method, "max", currency);
        if (max.isEmpty()) {
            throw BusinessException.invalid(List.of(new FieldError("currency", "topup_currency_unavailable", currency)));
        }
        long min = limit(method, "min", currency).orElse(1L);
        if (amount.minor() < min) {
            throw BusinessException.invalid(List.of(new FieldError("amount", "topup_amount_below_minimum",
                    same(amount, min).toDecimal(), currency)));
        }
        if (amount.minor() > max.get()) {
            throw BusinessException.invalid(List.of(new FieldError("amount", "topup_amount_above_maximum",
                    same(amount, max.get()).toDecimal(), currency)));
        }
        Money fee = fee(method, amount);
        return new FeeQuote(method, amount, fee, amount.plus(fee));
    }

    /** The fee alone, rounded up to the minor unit (see the class description). */
    public Money fee(TopUpMethod method, Money amount) {
        if (amount.minor() < 0) {
            throw new IllegalArgumentException("negative amount");
        }
        String ccy = amount.currency().toLowerCase(Locale.ROOT);
        String prefix = "okpay.topup." + method.configName();
        long bps = number(prefix + ".fee-bps." + ccy).or(() -> number(prefix + ".fee-bps")).orElse(0L);
        if (bps > BASIS_POINTS) {
            throw new IllegalStateException(prefix + ".fee-bps is above 10000 (100 %)");
        }
        long fixed = number(prefix + ".fee-fixed." + ccy).orElse(0L);
        long percentage = ceilDiv(Math.multiplyExact(amount.minor(), bps), BASIS_POINTS);
        return same(amount, Math.addExact(percentage, fixed));
    }

    private Optional<Long> limit(TopUpMethod method, String which, String currency) {
        String ccy = currency.toLowerCase(Locale.ROOT);
        return number("okpay.topup." + method.configName() + "." + which + "." + ccy)
                .or(() -> number("okpay.topup." + which + "." + ccy));
    }

    private Optional<Long> number(String key) {
        return settings.apply(key).map(String::strip).filter(value -> !value.isEmpty()).map(value -> {
            try {
                long parsed = Long.parseLong(value);
                if (parsed < 0) {
                    throw new IllegalStateException("configuration " + key + " is negative: " + value);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalStateException("configuration " + key + " is not a whole number: " + value, e);
            }
        });
    }

    private static long ceilDiv(long dividend, long divisor) {
        return dividend / divisor + (dividend % divisor == 0 ? 0 : 1);
    }

    /** Another amount in the currency of {@code like}. */
    private static Money same(Money like, long minor) {
        return new Money(minor, like.currency(), like.exponent());
    }
}
