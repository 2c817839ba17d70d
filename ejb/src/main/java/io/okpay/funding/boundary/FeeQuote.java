package io.okpay.funding.boundary;

import io.okpay.shared.Money;

/**
 * What a top-up costs, shown before the person confirms: the amount that reaches the wallet, OKPay's fee and the total
 * the person pays, all in the same currency.
 */
public record FeeQuote(TopUpMethod method, Money amount, Money fee, Money total) {
}
