package io.okpay.payout.control;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.shared.BusinessException;
import io.okpay.shared.persistence.WriteConflicts;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.payout.entity.Payout;
import io.okpay.payout.entity.PayoutBatch;
import io.okpay.payout.boundary.PayoutStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The payout rows, each change in its own short transaction around the ledger steps (which run in theirs): a
 * concurrent duplicate of a request loses the unique key (as a WriteConflict) and reads the winner's row; a status
 * change is a conditional update, so only one caller takes a payout into a settlement.
 */
@Stateless
@Interceptors(WriteConflicts.class)
public class PayoutRecords {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    AuditLog auditLog;

    @EJB
    Ledger ledger;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(Payout payout) {
        em.persist(payout);
        em.flush();
    }

    /** A request the ledger refused (not enough money): nothing was held, so nothing is left of it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void removeUnheld(long id) {
        em.createQuery("DELETE FROM Payout p WHERE p.id = :id AND p.holdId IS NULL").setParameter("id", id).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void attachHold(long id, String holdId) {
        em.createQuery("UPDATE Payout p SET p.holdId = :holdId WHERE p.id = :id AND p.holdId IS NULL")
                .setParameter("holdId", holdId).setParameter("id", id).executeUpdate();
    }

    /** Runs outside any transaction, so it sees rows that other requests committed a moment ago. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Payout> byKey(OwnerType ownerType, String ownerId, String key) {
        return em.createNamedQuery(Payout.BY_KEY, Payout.class).setParameter("ownerType", ownerType)
                .setParameter("ownerId", ownerId).setParameter("key", key).getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Payout> byPublicId(String publicId) {
        return em.createNamedQuery(Payout.BY_PUBLIC_ID, Payout.class).setParameter("id", publicId == null ? "" : publicId)
                .getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Payout byId(long id) {
        return em.find(Payout.class, id);
    }

    /** Takes the payout from one of {@code from} into {@code during}; true when this call changed it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean begin(long id, Collection<PayoutStatus> from, PayoutStatus during, String actor, String reason) {
        return em.createNamedQuery(Payout.BEGIN).setParameter("during", during).setParameter("actor", actor)
                .setParameter("reason", reason).setParameter("id", id).setParameter("from", from).executeUpdate() == 1;
    }

    /**
     * Moves every pending payout whose hold is still good into a new batch, as PROCESSING; empty when there were
     * none (then no batch is kept). Each payout's hold is kept (it no longer expires) before the payout is claimed:
     * once in a bank file, only paid or failed may end it. The rows stay locked meanwhile, so a second export, a
     * cancel or the lapse job waits and then finds them processing. A hold whose deadline passed in between is left
     * out; the lapse job fails that payout.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<PayoutBatch> claimBatch(String batchPublicId, String operatorId, Instant now) {
        List<Payout> exportable = em.createNamedQuery(Payout.EXPORTABLE, Payout.class).setParameter("at", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        List<Long> kept = new ArrayList<>();
        for (Payout payout : exportable) {
            try {
                ledger.keepHold(payout.holdId());
                kept.add(payout.id());
            } catch (BusinessException e) {
                if (!"hold_expired".equals(e.code())) {
                    throw e;
                }
            }
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        PayoutBatch batch = new PayoutBatch(batchPublicId, operatorId, now);
        em.persist(batch);
        em.flush();
        int claimed = em.createNamedQuery(Payout.CLAIM_FOR_BATCH).setParameter("batchId", batch.id())
                .setParameter("at", now).setParameter("ids", kept).executeUpdate();
        batch.setPayouts(claimed);
        auditLog.record(operatorId, "PAYOUT_EXPORT", "-", batchPublicId + " (" + claimed + ")");
        return Optional.of(batch);
    }

    /** What the lapse job has to fail: see {@link Payout#LAPSED}; {@code system} is the job's actor. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Payout> lapsed(Instant now, String system, int limit) {
        return em.createNamedQuery(Payout.LAPSED, Payout.class).setParameter("now", now).setParameter("system", system)
                .setMaxResults(limit).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<PayoutBatch> batch(String publicId) {
        return em.createNamedQuery(PayoutBatch.BY_PUBLIC_ID, PayoutBatch.class).setParameter("id", publicId == null ? "" : publicId)
                .getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Payout> ofBatch(long batchId) {
        return em.createNamedQuery(Payout.OF_BATCH, Payout.class).setParameter("batchId", batchId).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Payout> ofOwner(OwnerType ownerType, String ownerId, long before, int limit) {
        return em.createNamedQuery(Payout.OF_OWNER, Payout.class).setParameter("ownerType", ownerType)
                .setParameter("ownerId", ownerId).setParameter("before", before).setMaxResults(limit).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Payout> inStatus(Collection<PayoutStatus> statuses, long after, int limit) {
        return em.createNamedQuery(Payout.IN_STATUS, Payout.class).setParameter("statuses", statuses)
                .setParameter("after", after).setMaxResults(limit).getResultList();
    }
}
