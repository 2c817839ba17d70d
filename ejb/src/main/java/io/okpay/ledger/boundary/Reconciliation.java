package io.okpay.ledger.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.ledger.control.ReconciliationStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks the ledger's invariants from the entries themselves: every currency and every transaction sums to zero,
 * every cached balance (and entry count) equals what its entries say, every entry is in its account's currency, every
 * hold reservation matches the pending holds, and no customer account is below zero. All queries run in one
 * transaction, so they see one consistent snapshot (InnoDB repeatable read) while postings go on; the only write is
 * the run's audit record, who ran it and what it found. Run on a schedule and on demand.
 */
@Stateless
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());
    private static final int MAX_PER_KIND = 100;
    private static final String SYSTEM = "system";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    ReconciliationStatus status;

    @EJB
    AuditLog auditLog;

    /** A run of the schedule's (or of a test's), written to the audit log as the system's. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ReconciliationReport run() {
        return check(SYSTEM);
    }

    /** A run an operator asked for, written to the audit log as theirs. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ReconciliationReport run(String operatorId) {
        return check(operatorId);
    }

    private ReconciliationReport check(String actor) {
        long started = System.nanoTime();
        Instant checkedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> problems = new ArrayList<>();
        for (Object[] row : rows("SELECT currency, SUM(amount) FROM ledger_entry GROUP BY currency HAVING SUM(amount) <> 0")) {
            problems.add("currency " + row[0] + ": entries sum to " + row[1] + " instead of 0");
        }
        for (Object[] row : rows("SELECT transaction_id, currency, SUM(amount) FROM ledger_entry "
                + "GROUP BY transaction_id, currency HAVING SUM(amount) <> 0")) {
            problems.add("transaction " + row[0] + ": " + row[1] + " entries sum to " + row[2] + " instead of 0");
        }
        for (Object[] row : rows("SELECT a.id, a.balance, a.entry_count, "
                + "CASE WHEN a.type IN ('ASSET', 'EXPENSE') THEN 1 ELSE -1 END * COALESCE(e.total, 0), COALESCE(e.n, 0) "
                + "FROM ledger_account a LEFT JOIN (SELECT account_id, SUM(amount) AS total, COUNT(*) AS n "
                + "FROM ledger_entry GROUP BY account_id) e ON e.account_id = a.id "
                + "WHERE a.balance <> CASE WHEN a.type IN ('ASSET', 'EXPENSE') THEN 1 ELSE -1 END * COALESCE(e.total, 0) "
                + "OR a.entry_count <> COALESCE(e.n, 0)")) {
            problems.add("account " + row[0] + ": cached balance " + row[1] + " (" + row[2] + " entries) but entries say "
                    + row[3] + " (" + row[4] + " entries)");
        }
        for (Object[] row : rows("SELECT a.id, a.held, COALESCE(h.total, 0) FROM ledger_account a LEFT JOIN "
                + "(SELECT debit_account_id, SUM(amount) AS total FROM ledger_hold WHERE state = 'PENDING' "
                + "GROUP BY debit_account_id) h ON h.debit_account_id = a.id WHERE a.held <> COALESCE(h.total, 0)")) {
            problems.add("account " + row[0] + ": holds reserve " + row[1] + " but pending holds add up to " + row[2]);
        }
        for (Object[] row : rows("SELECT e.id, e.currency, a.id, a.currency FROM ledger_entry e "
                + "JOIN ledger_account a ON a.id = e.account_id WHERE e.currency <> a.currency")) {
            problems.add("entry " + row[0] + " in " + row[1] + " on account " + row[2] + " which holds " + row[3]);
        }
        for (Object[] row : rows("SELECT id, balance, held FROM ledger_account WHERE no_negative AND (balance < 0 OR balance - held < 0)")) {
            problems.add("account " + row[0] + " may not go negative but has balance " + row[1] + " with " + row[2] + " held");
        }
        long accounts = count("SELECT COUNT(*) FROM ledger_account");
        long entries = count("SELECT COUNT(*) FROM ledger_entry");
        ReconciliationReport report = new ReconciliationReport(checkedAt,
                (System.nanoTime() - started) / 1_000_000, accounts, entries, List.copyOf(problems));
        if (report.consistent()) {
            LOG.info(() -> "Ledger reconciliation: consistent (" + accounts + " accounts, " + entries + " entries, "
                    + report.millis() + " ms)");
        } else {
            LOG.severe(() -> "LEDGER RECONCILIATION FAILED: " + problems.size() + " problem(s): " + String.join("; ", problems));
        }
        status.record(report);
        auditLog.record(actor, "RECONCILIATION_RUN", "-", report.consistent()
                ? "consistent: " + accounts + " accounts, " + entries + " entries"
                : problems.size() + " problem(s): " + String.join("; ", problems));
        return report;
    }

    /** The result of the last run on this instance, if any. */
    public Optional<ReconciliationReport> last() {
        return status.last();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql + " LIMIT " + MAX_PER_KIND).getResultList();
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
