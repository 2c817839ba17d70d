package io.okpay.payout;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Deployed by PayoutIT only (as a ConfigSource service of the test WAR): a payout fee of 1.50 GBP, so the fee leg is
 * exercised (the default is no fee); EUR payouts stay free.
 */
public class PayoutFeeConfig implements ConfigSource {

    private static final Map<String, String> VALUES = Map.of("okpay.payout.fee-fixed.gbp", "150");

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
        return "payout-it";
    }

    @Override
    public int getOrdinal() {
        return 600;
    }
}
