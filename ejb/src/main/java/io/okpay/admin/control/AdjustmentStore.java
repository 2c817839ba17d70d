package io.okpay.admin.control;

import io.okpay.admin.entity.Adjustment;
import io.okpay.audit.boundary.AuditLog;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/**
 * Writes a new proposal and its audit record in a transaction of their own, so that a concurrent duplicate (the same
 * operator's idempotency key) fails on the unique key alone and the caller can answer with the one that won.
 */
@Stateless
public class AdjustmentStore {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    AuditLog auditLog;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void propose(Adjustment adjustment) {
        em.persist(adjustment);
        em.flush();
        auditLog.recordAction(adjustment.makerId(), "ADJUSTMENT_PROPOSED", adjustment.publicId() + " "
                        + adjustment.direction() + " " + adjustment.amount() + " " + adjustment.currency() + " (minor units) "
                        + adjustment.userId() + (adjustment.ticket() == null ? "" : ", ticket " + adjustment.ticket()),
                adjustment.reason(), "-", "PROPOSED");
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Adjustment> byKey(String makerId, String key) {
        return em.createNamedQuery(Adjustment.BY_KEY, Adjustment.class).setParameter("maker", makerId)
                .setParameter("key", key).getResultStream().findFirst();
    }
}
