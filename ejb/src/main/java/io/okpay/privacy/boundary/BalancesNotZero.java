package io.okpay.privacy.boundary;

import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The account still holds money, so it cannot be closed yet: {@link #amounts()} says how much in each currency (the
 * person's wallets and, for a merchant's owner, the shop's balances), and the message lists them ("12.50 USD, 3 JPY").
 */
public class BalancesNotZero extends BusinessException {

    private final List<Money> amounts;

    public BalancesNotZero(List<Money> amounts) {
        super("closure_balance_not_zero", amounts.stream().map(m -> m.toDecimal() + " " + m.currency())
                .collect(Collectors.joining(", ")));
        this.amounts = List.copyOf(amounts);
    }

    public List<Money> amounts() {
        return amounts;
    }
}
