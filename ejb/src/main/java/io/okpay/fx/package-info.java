/**
 * Exchange rates: where they come from ({@link io.okpay.fx.control.RateProvider}: the European Central Bank's daily
 * reference rates), how fresh they must be, and cross rates between any two currencies OKPay handles.
 */
package io.okpay.fx;
