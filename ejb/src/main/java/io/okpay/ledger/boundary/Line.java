package io.okpay.ledger.boundary;

import io.okpay.shared.Money;

/**
 * One line of a posting: a signed amount in minor units on one account. A debit is positive, a credit negative, so the
 * lines of a balanced posting sum to zero in every currency.
 */
public record Line(long accountId, long amount, String currency) {

    public static Line debit(long accountId, Money money) {
        return new Line(accountId, money.minor(), money.currency());
    }

    public static Line credit(long accountId, Money money) {
        return new Line(accountId, Math.negateExact(money.minor()), money.currency());
    }
}
