package io.okpay.payout.boundary;

import io.okpay.shared.Money;

/** What a payout request will do, for the confirmation step: the fee, the total held, where it goes. */
public record PayoutQuote(Money amount, Money fee, Money total, String ibanMasked, String accountHolder) {
}
