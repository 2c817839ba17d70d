package io.okpay.audit.control;

import io.okpay.audit.entity.AuditRecord;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Chains the audit records written since the last pass (listed in audit_pending) onto the hash chain, in one short
 * transaction of its own that locks the chain's head first: sealers on several instances take turns, and nothing else
 * ever waits for the head, so an audited transaction can no longer deadlock on it. Each record gets the next place in
 * the chain (audit_seal: place, record, hash before, own hash); a record whose transaction commits late is sealed on
 * the next pass, after records with higher ids.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AuditSeals {

    private static final int BATCH = 500;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** Seals up to {@link #BATCH} pending records, oldest first; the number sealed. */
    public int seal() {
        Object[] head = (Object[]) em.createNativeQuery("SELECT last_hash, last_seq FROM audit_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        List<?> pending = em.createNativeQuery("SELECT record_id FROM audit_pending ORDER BY record_id")
                .setMaxResults(BATCH).getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        String previous = (String) head[0];
        long seq = ((Number) head[1]).longValue();
        for (Object id : pending) {
            AuditRecord r = em.find(AuditRecord.class, ((Number) id).longValue());
            String hash = AuditChain.hash(previous, r.createdAt(), r.actor(), r.event(), r.ip(), r.detail());
            em.createNativeQuery("INSERT INTO audit_seal (seq, record_id, prev_hash, hash) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, ++seq).setParameter(2, r.id()).setParameter(3, previous).setParameter(4, hash)
                    .executeUpdate();
            previous = hash;
        }
        em.createNativeQuery("DELETE FROM audit_pending WHERE record_id IN (?1)").setParameter(1, pending).executeUpdate();
        em.createNativeQuery("UPDATE audit_head SET last_hash = ?1, last_seq = ?2 WHERE id = 1")
                .setParameter(1, previous).setParameter(2, seq).executeUpdate();
        return pending.size();
    }
}
