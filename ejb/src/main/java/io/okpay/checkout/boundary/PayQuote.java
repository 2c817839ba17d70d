package io.okpay.checkout.boundary;

import io.okpay.shared.Money;

import java.io.Serializable;

/**
 * What the checkout page shows before the payer confirms: the session, the merchant's name, the payer's available
 * balance in the session's currency, and whether a one-time code will be asked for (a large amount, or a merchant the
 * payer never paid before).
 */
public record PayQuote(SessionView session, String merchantName, Money available, boolean stepUpRequired)
        implements Serializable {

    public boolean enoughBalance() {
        return available.minor() >= session.amount().minor();
    }

    /** What is missing in the session's currency; zero when the balance covers the amount. */
    public Money shortfall() {
        return enoughBalance() ? Money.zero(available.currency(), available.exponent()) : session.amount().minus(available);
    }
}
