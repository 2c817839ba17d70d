package io.okpay.shared;


/** One wallet: the balance, and what of it can be spent ({@code available} is lower while holds reserve money). */
public record Balance(Money balance, Money available) {

    public String currency() {
        return balance.currency();
    }
}
