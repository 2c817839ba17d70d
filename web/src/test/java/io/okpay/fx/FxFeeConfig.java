package io.okpay.fx;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Deployed by ConversionIT only (as a ConfigSource service of the test WAR): a conversion fee of 25 bps, above every
 * other source, so the fee leg and its rounding are exercised (the default fee is 0).
 */
public class FxFeeConfig implements ConfigSource {

    private static final Map<String, String> VALUES = Map.of("okpay.fx.fee-bps", "25");

    @Override
    public Set<String> getPropertyNames() {
        return VALUES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "conversion-it";
    }

    @Override
    public int getOrdinal() {
        return 600;
    }
}
