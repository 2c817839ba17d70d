package io.okpay.ledger.boundary;

import io.okpay.currency.boundary.Currencies;
import io.okpay.ledger.control.AccountIds;
import io.okpay.ledger.control.AccountOpening;
import io.okpay.shared.persistence.DatabaseFailures;
import io.okpay.ledger.entity.LedgerAccount;
import io.okpay.shared.BusinessException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/**
 * Finds the ledger accounts other features post to, creating them on first use: the wallet of a person or merchant
 * in a currency, and the house's accounts (fees, funding clearing, FX position ...) per currency. Safe when several
 * requests ask for the same new account at once: the unique key picks one and everyone gets that one.
 * Lookups run outside any transaction: a transaction's snapshot (InnoDB repeatable read) taken before the account was
 * created elsewhere would never see it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LedgerAccounts {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    AccountOpening opening;

    @Inject
    Currencies currencies;

    @Inject
    AccountIds ids;

    /** The balance of a person ({@link OwnerType#USER}) or of a merchant ({@link OwnerType#MERCHANT}) in a currency. */
    public AccountSnapshot wallet(OwnerType ownerType, String ownerId, String currency) {
        return switch (ownerType) {
            case USER -> account(OwnerType.USER, ownerId, Purpose.WALLET, currency);
            case MERCHANT -> account(OwnerType.MERCHANT, ownerId, Purpose.MERCHANT, currency);
            case HOUSE -> throw new IllegalArgumentException("the house has no wallet; ask for house(purpose, currency)");
        };
    }

    /** The house's account for a purpose in a currency (fees revenue, funding clearing per method, FX position ...). */
    public AccountSnapshot house(Purpose purpose, String currency) {
        return account(OwnerType.HOUSE, OwnerType.HOUSE_ID, purpose, currency);
    }

    /** Gets or creates the account of an owner for a purpose in a currency; the currency must be enabled. */
    public AccountSnapshot account(OwnerType ownerType, String ownerId, Purpose purpose, String currency) {
        if (ownerId == null || ownerId.isBlank() || ownerId.length() > 64
                || (ownerType == OwnerType.HOUSE) != OwnerType.HOUSE_ID.equals(ownerId)) {
            throw new IllegalArgumentException("not an owner id for " + ownerType + ": " + ownerId);
        }
        Optional<LedgerAccount> existing = find(ownerType, ownerId, purpose, currency);
        if (existing.isPresent()) {
            return AccountSnapshot.of(existing.get());
        }
        currencies.findEnabled(currency).orElseThrow(() -> BusinessException.invalid(
                List.of(new BusinessException.FieldError("currency", "currency_unsupported"))));
        long id;
        try {
            id = opening.open(ownerType, ownerId, purpose, currency);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isDuplicateKey(e)) {
                throw e;
            }
            return AccountSnapshot.of(find(ownerType, ownerId, purpose, currency).orElseThrow(() -> e));
        }
        return AccountSnapshot.of(em.find(LedgerAccount.class, id));
    }

    /**
     * The id of the owner's account for the purpose in the currency, opening it if there is none yet (as
     * {@link #account}); ids are remembered per instance ({@link AccountIds}), so this usually costs no read. For
     * postings, which read balance and status under their lock.
     */
    public long accountId(OwnerType ownerType, String ownerId, Purpose purpose, String currency) {
        Optional<Long> known = ids.find(ownerType, ownerId, purpose, currency);
        if (known.isPresent()) {
            return known.get();
        }
        long id = account(ownerType, ownerId, purpose, currency).id();
        ids.remember(ownerType, ownerId, purpose, currency, id);
        return id;
    }

    /**
     * The id of the owner's account for the purpose in the currency if it exists (never opens one); remembered as in
     * {@link #accountId}.
     */
    public Optional<Long> existingAccountId(OwnerType ownerType, String ownerId, Purpose purpose, String currency) {
        Optional<Long> known = ids.find(ownerType, ownerId, purpose, currency);
        if (known.isPresent()) {
            return known;
        }
        Optional<Long> found = find(ownerType, ownerId, purpose, currency).map(LedgerAccount::id);
        found.ifPresent(id -> ids.remember(ownerType, ownerId, purpose, currency, id));
        return found;
    }

    /** Every account an owner has for a purpose (a person's wallets, one per currency), by currency. */
    public List<AccountSnapshot> accountsOf(OwnerType ownerType, String ownerId, Purpose purpose) {
        return em.createQuery("SELECT a FROM LedgerAccount a WHERE a.ownerType = :ownerType AND a.ownerId = :ownerId "
                        + "AND a.purpose = :purpose ORDER BY a.currency", LedgerAccount.class)
                .setParameter("ownerType", ownerType).setParameter("ownerId", ownerId).setParameter("purpose", purpose)
                .getResultStream().map(AccountSnapshot::of).toList();
    }

    /** A frozen account takes no postings and no holds (an investigation, a court order) until it is active again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public AccountSnapshot changeStatus(long accountId, AccountStatus status) {
        LedgerAccount account = em.find(LedgerAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw BusinessException.notFound();
        }
        if (account.status() == AccountStatus.CLOSED && status != AccountStatus.CLOSED) {
            throw new BusinessException("account_closed");
        }
        if (status == AccountStatus.CLOSED && (account.balance() != 0 || account.held() != 0)) {
            throw new BusinessException("account_not_empty");
        }
        account.setStatus(status);
        return AccountSnapshot.of(account);
    }

    private Optional<LedgerAccount> find(OwnerType ownerType, String ownerId, Purpose purpose, String currency) {
        return em.createNamedQuery(LedgerAccount.BY_OWNER, LedgerAccount.class)
                .setParameter("ownerType", ownerType).setParameter("ownerId", ownerId)
                .setParameter("purpose", purpose).setParameter("currency", currency)
                .getResultStream().findFirst();
    }
}
