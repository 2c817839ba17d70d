package io.okpay.funding.control;

import io.okpay.funding.entity.TopUpMethod;

/**
 * What a top-up costs, shown before the person confirms: the amount that reaches the wallet, OKPay's fee and the total
 * the person pays. All in minor units of {@code currency}.
 */
public record FeeQuote(TopUpMethod method, String currency, long amount, long fee, long total) {
}
