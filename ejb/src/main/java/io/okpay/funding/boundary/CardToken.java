package io.okpay.funding.boundary;

import io.okpay.funding.boundary.CardBrand;

/** What the processor hands back for a card, and all OKPay ever keeps of it: token, brand, last four digits, expiry. */
public record CardToken(String token, CardBrand brand, String lastFour, int expMonth, int expYear) {
}
