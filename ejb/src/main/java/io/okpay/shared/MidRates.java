package io.okpay.shared;

import java.math.BigDecimal;

/**
 * Today's mid-market rate between two currencies, as the fx feature knows it: for features that must weigh amounts in
 * another currency (limits) but that fx itself depends on, so they cannot depend on fx.
 */
public interface MidRates {

    /** Units of {@code to} for one unit of {@code from}; BusinessException {@code fx_rate_unavailable} when unknown. */
    BigDecimal midRate(String from, String to);
}
