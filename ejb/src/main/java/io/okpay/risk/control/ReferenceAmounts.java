package io.okpay.risk.control;

import io.okpay.currency.boundary.Currencies;
import io.okpay.shared.BusinessException;
import io.okpay.shared.MidRates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Amounts in the reference currency, for limits: converted at the current mid rate of the fx feature ({@link MidRates}:
 * fx asks risk before a conversion, so risk cannot ask fx directly), or, while it has
 * none, at the fallback rate in configuration ({@code okpay.limits.fallback-rate.<CUR>}: EUR for one unit of CUR).
 * Rounded up to the cent, so a conversion never lets an amount slip under a limit.
 */
@ApplicationScoped
public class ReferenceAmounts {

    @Inject
    MidRates rates;

    @Inject
    Currencies currencies;

    public long of(long minor, String currency) {
        if (LimitTable.REFERENCE_CURRENCY.equals(currency)) {
            return minor;
        }
        BigDecimal major = BigDecimal.valueOf(minor, currencies.exponent(currency));
        return major.multiply(rate(currency)).setScale(LimitTable.REFERENCE_EXPONENT, RoundingMode.CEILING)
                .unscaledValue().longValueExact();
    }

    private BigDecimal rate(String currency) {
        try {
            return rates.midRate(currency, LimitTable.REFERENCE_CURRENCY);
        } catch (BusinessException unavailable) {
            return fallback(currency).orElseThrow(() -> unavailable);
        }
    }

    private static Optional<BigDecimal> fallback(String currency) {
        return ConfigProvider.getConfig().getOptionalValue("okpay.limits.fallback-rate." + currency, BigDecimal.class);
    }
}
