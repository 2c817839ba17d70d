package io.okpay.funding.control;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.funding.entity.BankStatementLine;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The imported statement lines, each recorded in its own transaction once its money is booked; what operators did
 * with them (imports, suspense assigned or returned) goes to the audit log.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StatementLines {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    AuditLog auditLog;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean imported(String bankEntryId) {
        return em.createNamedQuery(BankStatementLine.BY_ENTRY, BankStatementLine.class).setParameter("entry", bankEntryId)
                .getResultStream().findFirst().isPresent();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<BankStatementLine> find(String bankEntryId) {
        return em.createNamedQuery(BankStatementLine.BY_ENTRY, BankStatementLine.class).setParameter("entry", bankEntryId)
                .getResultStream().findFirst();
    }

    /** The operators' queue: credits no top-up could take, oldest first. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<BankStatementLine> inSuspense(int limit) {
        return em.createNamedQuery(BankStatementLine.IN_SUSPENSE, BankStatementLine.class)
                .setParameter("status", BankStatementLine.Status.SUSPENSE).setMaxResults(limit).getResultList();
    }

    public void resolve(String bankEntryId, BankStatementLine.Status outcome, String topUpId, String transactionId,
                        String operatorId, String reason) {
        BankStatementLine line = em.createNamedQuery(BankStatementLine.BY_ENTRY, BankStatementLine.class)
                .setParameter("entry", bankEntryId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        line.resolve(outcome, topUpId, transactionId, operatorId, Instant.now());
        auditLog.record(operatorId, "SUSPENSE_" + outcome.name(), "-", bankEntryId + (topUpId == null ? "" : " to " + topUpId)
                + ", " + transactionId + " (" + line.amount() + " " + line.currency() + " in minor units)"
                + (reason == null || reason.isBlank() ? "" : "; reason: " + reason.strip()));
    }

    /** An operator's import, once its lines are booked: the statement and what became of its lines. */
    public void recordImport(String operatorId, String statementId, String summary) {
        auditLog.record(operatorId, "STATEMENT_IMPORTED", "-", statementId + ": " + summary);
    }

    /** Fails with a duplicate key when the line was recorded meanwhile (the same statement imported at once twice). */
    public void record(BankStatementLine line) {
        em.persist(line);
        em.flush();
    }
}
