package io.okpay.ledger.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Reads of the journal for the owners of accounts: the entries of several accounts at once with their transactions
 * (a person's history across wallets, an export, a statement), one transaction's entries, the balance before a moment,
 * and the parties of transactions. Read-only; every list is one query.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Entries {

    private static final String LINES = "SELECT e.id, t.publicId, t.code, t.memo, e.accountId, e.currency, e.amount, "
            + "e.balanceAfter, e.createdAt FROM LedgerEntry e, JournalTransaction t "
            + "WHERE t.id = e.transactionId AND e.accountId IN :accounts";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    public List<EntryLine> find(EntryQuery wanted) {
        if (wanted.accounts().isEmpty() || (wanted.transactions() != null && wanted.transactions().isEmpty())) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder(LINES);
        if (wanted.before() != null) {
            jpql.append(" AND e.id < :before");
        }
        if (wanted.code() != null) {
            jpql.append(" AND t.code = :code");
        }
        if (wanted.from() != null) {
            jpql.append(" AND e.createdAt >= :from");
        }
        if (wanted.to() != null) {
            jpql.append(" AND e.createdAt < :to");
        }
        if (wanted.transactions() != null) {
            jpql.append(" AND t.publicId IN :transactions");
        }
        jpql.append(switch (wanted.order()) {
            case NEWEST_FIRST -> " ORDER BY e.id DESC";
            case OLDEST_FIRST -> " ORDER BY e.createdAt, e.accountSeq";
            case ACCOUNT_ORDER -> " ORDER BY e.accountSeq";
        });
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class)
                .setParameter("accounts", wanted.accounts()).setMaxResults(wanted.max());
        if (wanted.before() != null) {
            query.setParameter("before", wanted.before());
        }
        if (wanted.code() != null) {
            query.setParameter("code", wanted.code());
        }
        if (wanted.from() != null) {
            query.setParameter("from", wanted.from());
        }
        if (wanted.to() != null) {
            query.setParameter("to", wanted.to());
        }
        if (wanted.transactions() != null) {
            query.setParameter("transactions", wanted.transactions());
        }
        return lines(query);
    }

    /** The entries one transaction (public id) made on these accounts, in the order they were written. */
    public List<EntryLine> ofTransaction(Set<Long> accounts, String transactionId) {
        if (accounts.isEmpty() || transactionId == null) {
            return List.of();
        }
        return lines(em.createQuery(LINES + " AND t.publicId = :id ORDER BY e.id", Object[].class)
                .setParameter("accounts", accounts).setParameter("id", transactionId));
    }

    /** The account's balance just before {@code at}: the balance after its last entry written earlier, or zero. */
    public long balanceBefore(long accountId, Instant at) {
        return em.createQuery("SELECT e.balanceAfter FROM LedgerEntry e WHERE e.accountId = :account "
                        + "AND e.createdAt < :at ORDER BY e.accountSeq DESC", Long.class)
                .setParameter("account", accountId).setParameter("at", at).setMaxResults(1)
                .getResultStream().findFirst().orElse(0L);
    }

    /** Every entry of these transactions (public ids), each with the owner and purpose of its account. */
    public List<PartyEntry> parties(Collection<String> transactionIds) {
        if (transactionIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT t.publicId, e.currency, a.ownerType, a.ownerId, a.purpose, a.type, e.amount "
                        + "FROM LedgerEntry e, LedgerAccount a, JournalTransaction t "
                        + "WHERE a.id = e.accountId AND t.id = e.transactionId AND t.publicId IN :ids", Object[].class)
                .setParameter("ids", transactionIds).getResultStream()
                .map(row -> new PartyEntry((String) row[0], (String) row[1], (OwnerType) row[2], (String) row[3],
                        (Purpose) row[4], (AccountType) row[5], ((Number) row[6]).longValue()))
                .toList();
    }

    private static List<EntryLine> lines(TypedQuery<Object[]> query) {
        return query.getResultStream().map(row -> new EntryLine(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2], (String) row[3], ((Number) row[4]).longValue(), (String) row[5],
                ((Number) row[6]).longValue(), ((Number) row[7]).longValue(), (Instant) row[8])).toList();
    }
}
