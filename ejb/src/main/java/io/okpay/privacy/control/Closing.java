package io.okpay.privacy.control;

import io.okpay.identity.boundary.AccountClosure;
import io.okpay.identity.boundary.ClosedAccounts;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.AccountStatus;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.merchant.boundary.ApiKeys;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The closing itself, in one transaction: all of it happens, or none. */
@ApplicationScoped
public class Closing {

    @EJB
    LedgerAccounts accounts;

    @EJB
    ApiKeys apiKeys;

    @EJB
    AccountClosure closure;

    @Inject
    ClosedAccounts closedAccounts;

    /**
     * Verifies the code and closes the account (identity first: a wrong code changes nothing), then every ledger account
     * in ascending id order (the ledger's lock order; each is locked and must be empty), and the shop's keys.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AccountClosure.Closed close(String userId, String challengeId, String code, Optional<String> merchantId) {
        AccountClosure.Closed closed = closure.close(userId, challengeId, code);
        List<AccountSnapshot> ledgerAccounts = new ArrayList<>(accounts.accountsOf(OwnerType.USER, userId, Purpose.WALLET));
        merchantId.ifPresent(m -> ledgerAccounts.addAll(accounts.accountsOf(OwnerType.MERCHANT, m, Purpose.MERCHANT)));
        ledgerAccounts.stream().sorted(Comparator.comparingLong(AccountSnapshot::id))
                .forEach(account -> accounts.changeStatus(account.id(), AccountStatus.CLOSED));
        apiKeys.revokeAll(userId);
        merchantId.ifPresent(closedAccounts::refuseAfterCommit);
        return closed;
    }
}
