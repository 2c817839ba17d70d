package io.okpay.merchant.boundary;

import io.okpay.currency.boundary.Currencies;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.shared.Balance;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;

/** A merchant's money: one balance per currency it has received, with what is available (not held for payouts). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MerchantBalances {

    @EJB
    LedgerAccounts accounts;

    @Inject
    Currencies currencies;

    public List<Balance> of(String merchantId) {
        return accounts.accountsOf(OwnerType.MERCHANT, merchantId, Purpose.MERCHANT).stream().map(this::balance).toList();
    }

    private Balance balance(AccountSnapshot account) {
        return new Balance(currencies.money(account.balance(), account.currency()),
                currencies.money(account.available(), account.currency()));
    }
}
