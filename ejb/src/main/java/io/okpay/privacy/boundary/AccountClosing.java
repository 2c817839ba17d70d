package io.okpay.privacy.boundary;

import io.okpay.currency.boundary.Currencies;
import io.okpay.identity.boundary.AccountClosure;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.privacy.control.Closing;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Close my account": only when every balance is zero (the person's wallets and, when they own a shop, its
 * balances), and only with a one-time code. Without a code it sends one ({@link StepUpRequired} names the challenge);
 * with the code it closes, in one transaction: the ledger closes the wallets (each locked and checked empty again,
 * so money that arrived meanwhile stops the closure), the shop's keys are revoked, identity closes the account (sessions,
 * refresh tokens, access tokens, the e-mail in the person's language).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountClosing {

    @EJB
    LedgerAccounts accounts;

    @EJB
    Merchants merchants;

    @EJB
    AccountClosure closure;

    @Inject
    Closing closing;

    @Inject
    Currencies currencies;

    /** What the person must do first: the non-zero balances (empty when the account may close). */
    public List<Money> balancesLeft(String userId) {
        List<Money> left = new ArrayList<>();
        for (AccountSnapshot account : accountsOf(userId)) {
            if (account.balance() != 0 || account.held() != 0) {
                left.add(currencies.money(account.balance(), account.currency()));
            }
        }
        return left;
    }

    /**
     * Sends the code for closing, once the balances are zero (else {@link BalancesNotZero}); the challenge's id.
     */
    public String begin(String userId) {
        requireEmpty(userId);
        return closure.begin(userId);
    }

    /**
     * Closes the account. Without {@code challengeId} and {@code code}: checks the balances and throws
     * {@link StepUpRequired} after sending a code. With them: closes, or throws (a wrong code, money left).
     */
    public AccountClosure.Closed close(String userId, String challengeId, String code) {
        requireEmpty(userId);
        if (challengeId == null || challengeId.isBlank() || code == null || code.isBlank()) {
            throw new StepUpRequired(closure.begin(userId));
        }
        try {
            return closing.close(userId, challengeId, code, merchantOf(userId).map(MerchantView::id));
        } catch (RuntimeException failed) {
            // Money that arrived between the check and the lock: say how much, as the check would have.
            List<Money> left = balancesLeft(userId);
            if (!left.isEmpty() && isNotEmpty(failed)) {
                throw new BalancesNotZero(left);
            }
            throw failed;
        }
    }

    private static boolean isNotEmpty(Throwable failed) {
        for (Throwable t = failed; t != null; t = t.getCause()) {
            if (t instanceof BusinessException b && "account_not_empty".equals(b.code())) {
                return true;
            }
        }
        return false;
    }

    private void requireEmpty(String userId) {
        List<Money> left = balancesLeft(userId);
        if (!left.isEmpty()) {
            throw new BalancesNotZero(left);
        }
    }

    private Optional<MerchantView> merchantOf(String userId) {
        return merchants.ofOwner(userId);
    }

    /** The person's wallets and their shop's balances: every ledger account that must be empty. */
    private List<AccountSnapshot> accountsOf(String userId) {
        List<AccountSnapshot> all = new ArrayList<>(accounts.accountsOf(OwnerType.USER, userId, Purpose.WALLET));
        merchantOf(userId).ifPresent(m -> all.addAll(accounts.accountsOf(OwnerType.MERCHANT, m.id(), Purpose.MERCHANT)));
        return all;
    }
}
