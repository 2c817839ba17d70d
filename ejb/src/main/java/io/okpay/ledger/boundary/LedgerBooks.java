package io.okpay.ledger.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/**
 * The books as operators read them: the trial balance per currency, the house's accounts with their cached balance
 * beside the one their entries give, the customer money OKPay holds (what safeguarding must cover), and the
 * transactions a reference names. Read only; each call reads one snapshot.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class LedgerBooks {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** One line of the trial balance: every account of a purpose in a currency, debits and credits in minor units. */
    public record TrialBalanceLine(String currency, Purpose purpose, AccountType type, long accounts, long debits,
                                   long credits) {
    }

    /** A house account: its cached balance and the balance its entries say (equal when the books are right). */
    public record HouseAccount(long id, Purpose purpose, String currency, long cached, long computed) {

        public boolean agrees() {
            return cached == computed;
        }
    }

    /** A journal transaction found by its id or by the reference it carries (a top-up, a bank entry, a payout ...). */
    public record FoundTransaction(String id, String kind, String code, String externalRef, Instant createdAt) {
    }

    /**
     * Debits (positive entries) and credits (negative entries) per currency and purpose; per currency the debits
     * equal the credits exactly when the ledger balances.
     */
    @SuppressWarnings("unchecked")
    public List<TrialBalanceLine> trialBalance() {
        List<Object[]> rows = em.createNativeQuery("SELECT a.currency, a.purpose, COUNT(DISTINCT a.id), "
                + "COALESCE(SUM(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END), 0), "
                + "COALESCE(SUM(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END), 0) "
                + "FROM ledger_account a LEFT JOIN ledger_entry e ON e.account_id = a.id "
                + "GROUP BY a.currency, a.purpose ORDER BY a.currency, a.purpose").getResultList();
        return rows.stream().map(r -> {
            Purpose purpose = Purpose.valueOf((String) r[1]);
            return new TrialBalanceLine((String) r[0], purpose, purpose.type(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue());
        }).toList();
    }

    /** Every house account (clearing, fees, FX position, suspense, payouts in flight ...), cached against computed. */
    @SuppressWarnings("unchecked")
    public List<HouseAccount> houseAccounts() {
        List<Object[]> rows = em.createNativeQuery("SELECT a.id, a.purpose, a.currency, a.balance, "
                + "CASE WHEN a.type IN ('ASSET', 'EXPENSE') THEN 1 ELSE -1 END * "
                + "(SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entry e WHERE e.account_id = a.id) "
                + "FROM ledger_account a WHERE a.owner_type = 'HOUSE' ORDER BY a.currency, a.purpose").getResultList();
        return rows.stream().map(r -> new HouseAccount(((Number) r[0]).longValue(), Purpose.valueOf((String) r[1]),
                (String) r[2], ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList();
    }

    /**
     * Customer money per currency at the end of a moment: what OKPay owes people and shops (wallets, merchant
     * balances, escrow, suspense), from the balance after each account's last entry before {@code at}.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> customerMoneyRows(Instant at) {
        return em.createNativeQuery("SELECT a.currency, COALESCE(SUM(-e.amount), 0) FROM ledger_account a "
                        + "JOIN ledger_entry e ON e.account_id = a.id "
                        + "WHERE a.purpose IN ('WALLET', 'MERCHANT', 'ESCROW', 'SUSPENSE') AND e.created_at < ?1 "
                        + "GROUP BY a.currency ORDER BY a.currency")
                .setParameter(1, at).getResultList();
    }

    /** Customer money per currency (minor units) owed at {@code at}; currencies without any are left out. */
    public java.util.Map<String, Long> customerMoney(Instant at) {
        java.util.Map<String, Long> owed = new java.util.TreeMap<>();
        for (Object[] row : customerMoneyRows(at)) {
            owed.put((String) row[0], ((Number) row[1]).longValue());
        }
        return owed;
    }

    /** Transactions whose id ({@code txn_...}) or external reference is exactly {@code reference}, newest first. */
    @SuppressWarnings("unchecked")
    public List<FoundTransaction> byReference(String reference, int limit) {
        if (reference == null || reference.isBlank() || reference.length() > 128) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("SELECT public_id, kind, code, external_ref, created_at "
                        + "FROM ledger_transaction WHERE public_id = ?1 OR external_ref = ?1 ORDER BY id DESC")
                .setParameter(1, reference.trim()).setMaxResults(Math.max(1, Math.min(limit, 50))).getResultList();
        return rows.stream().map(r -> new FoundTransaction((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                toInstant(r[4]))).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        return (Instant) value;
    }
}
