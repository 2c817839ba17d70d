package io.okpay.wallet.boundary;

import io.okpay.currency.boundary.Currencies;
import io.okpay.currency.entity.Currency;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.identity.boundary.Users;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.entity.LedgerEntry;
import io.okpay.ledger.entity.OwnerType;
import io.okpay.ledger.entity.Purpose;
import io.okpay.shared.Money;
import io.okpay.transfer.entity.Transfer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A person's money: the balances, one per currency they have used (by currency code), and the history of their
 * wallets. Reads the ledger's entries directly (read-only) so that one query pages across every wallet.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Wallets {

    @EJB
    LedgerAccounts accounts;

    @EJB
    Currencies currencies;

    @EJB
    Users users;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    public List<Balance> balances(String userId) {
        return accounts.accountsOf(OwnerType.USER, userId, Purpose.WALLET).stream().map(this::balance).toList();
    }

    /**
     * The person's entries across wallets, newest first, optionally of one currency and one ledger code; {@code before}
     * is the previous page's {@code nextCursor}; {@code limit} is capped at 100.
     */
    public Activity activity(String userId, String currency, String code, Long before, int limit) {
        Map<Long, AccountSnapshot> wallets = accounts.accountsOf(OwnerType.USER, userId, Purpose.WALLET).stream()
                .filter(w -> currency == null || w.currency().equals(currency))
                .collect(Collectors.toMap(AccountSnapshot::id, w -> w));
        if (wallets.isEmpty()) {
            return new Activity(List.of(), null);
        }
        int size = Math.max(1, Math.min(limit, 100));
        List<Object[]> rows = em.createQuery("SELECT e, t.publicId, t.code FROM LedgerEntry e, JournalTransaction t "
                        + "WHERE t.id = e.transactionId AND e.accountId IN :accounts AND e.id < :before "
                        + "AND (:code IS NULL OR t.code = :code) ORDER BY e.id DESC", Object[].class)
                .setParameter("accounts", wallets.keySet())
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setParameter("code", code)
                .setMaxResults(size + 1)
                .getResultList();
        List<Object[]> shown = rows.subList(0, Math.min(size, rows.size()));
        Map<String, Transfer> transfers = transfersOf(shown.stream().map(row -> (String) row[1]).toList());
        List<Activity.Item> items = new ArrayList<>();
        for (Object[] row : shown) {
            LedgerEntry entry = (LedgerEntry) row[0];
            AccountSnapshot wallet = wallets.get(entry.accountId());
            int exponent = exponent(wallet.currency());
            Transfer transfer = transfers.get((String) row[1]);
            String counterparty = transfer == null ? null : counterparty(transfer, userId);
            items.add(new Activity.Item((String) row[1], (String) row[2],
                    new Money(Math.multiplyExact(wallet.type().normalSign(), entry.amount()), wallet.currency(), exponent),
                    new Money(entry.balanceAfter(), wallet.currency(), exponent), entry.createdAt(),
                    transfer == null ? null : transfer.publicId(), counterparty));
        }
        return new Activity(items, rows.size() > size ? ((LedgerEntry) shown.get(shown.size() - 1)[0]).id() : null);
    }

    /** The transfers these ledger transactions belong to, by transaction id: the sending and the escrow settlement. */
    private Map<String, Transfer> transfersOf(List<String> transactionIds) {
        if (transactionIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Transfer> found = new HashMap<>();
        em.createQuery("SELECT t FROM Transfer t WHERE t.transactionId IN :ids OR t.settledTransactionId IN :ids", Transfer.class)
                .setParameter("ids", transactionIds).getResultStream().forEach(t -> {
                    found.put(t.transactionId(), t);
                    if (t.settledTransactionId() != null) {
                        found.put(t.settledTransactionId(), t);
                    }
                });
        return found;
    }

    /** The other side of a transfer for this person: a display name, or the invited address while nobody claimed it. */
    private String counterparty(Transfer transfer, String userId) {
        if (!transfer.senderId().equals(userId)) {
            return users.require(transfer.senderId()).displayName();
        }
        return transfer.recipientId() == null ? transfer.recipientEmail() : users.require(transfer.recipientId()).displayName();
    }

    private int exponent(String currency) {
        return currencies.find(currency).map(Currency::exponent).orElseThrow(
                () -> new IllegalStateException("a wallet in an unknown currency: " + currency));
    }

    private Balance balance(AccountSnapshot wallet) {
        int exponent = exponent(wallet.currency());
        return new Balance(new Money(wallet.balance(), wallet.currency(), exponent),
                new Money(wallet.available(), wallet.currency(), exponent));
    }
}
