package io.okpay.checkout.control;

import io.okpay.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * What OKPay keeps of a checkout payment: {@code okpay.checkout.fee-percent} of the amount (rounded up to the minor
 * unit, in OKPay's favour) plus {@code okpay.checkout.fee-fixed.<currency in lower case>} minor units, never more than
 * the amount itself. Read on every payment, so a changed fee applies to the next one.
 */
@ApplicationScoped
public class CheckoutFees {

    static final String PERCENT_KEY = "okpay.checkout.fee-percent";
    static final String FIXED_KEY = "okpay.checkout.fee-fixed.";

    public Money feeFor(Money amount) {
        Config config = ConfigProvider.getConfig();
        BigDecimal percent = new BigDecimal(config.getOptionalValue(PERCENT_KEY, String.class).orElse("0").trim());
        long fixed = config.getOptionalValue(FIXED_KEY + amount.currency().toLowerCase(Locale.ROOT), Long.class).orElse(0L);
        return new Money(fee(amount.minor(), percent, fixed), amount.currency(), amount.exponent());
    }

    /** The fee in minor units of an amount in minor units; never negative and never above the amount. */
    static long fee(long amount, BigDecimal percent, long fixed) {
        if (percent.signum() < 0 || fixed < 0) {
            throw new IllegalStateException("checkout fees cannot be negative: " + percent + "% + " + fixed);
        }
        long share = BigDecimal.valueOf(amount).multiply(percent).movePointLeft(2)
                .setScale(0, RoundingMode.CEILING).longValueExact();
        return Math.min(amount, Math.addExact(share, fixed));
    }
}
