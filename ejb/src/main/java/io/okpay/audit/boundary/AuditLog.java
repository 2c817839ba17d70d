package io.okpay.audit.boundary;

import io.okpay.audit.control.AuditChain;
import io.okpay.audit.entity.AuditRecord;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes and checks the audit log. {@link #record} joins the caller's transaction (the event is kept only if what it
 * describes happened); {@link #recordFailure} commits on its own, for refusals whose transaction rolls back.
 * Callers that use both in one transaction call {@code recordFailure} first: it waits for the chain's head.
 */
@Stateless
public class AuditLog {

    public record Verification(long records, boolean intact, Long firstBrokenId) {
    }

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String actor, String event, String ip, String detail) {
        append(actor, event, ip, detail);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(String actor, String event, String ip, String detail) {
        append(actor, event, ip, detail);
    }

    /**
     * Walks the whole chain: every record must hash to its stored hash and point at the one before. One transaction,
     * head first: its read opens the snapshot that the walk reads too, so appends that commit meanwhile are neither
     * half seen nor mistaken for a removed record.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Verification verify() {
        String head = (String) em.createNativeQuery("SELECT last_hash FROM audit_head WHERE id = 1").getSingleResult();
        String previous = AuditChain.GENESIS;
        long count = 0;
        long lastId = 0;
        int page = 500;
        while (true) {
            List<AuditRecord> records = em.createQuery("SELECT r FROM AuditRecord r WHERE r.id > :after ORDER BY r.id", AuditRecord.class)
                    .setParameter("after", lastId).setMaxResults(page).getResultList();
            for (AuditRecord r : records) {
                String expected = AuditChain.hash(r.prevHash(), r.createdAt(), r.actor(), r.event(), r.ip(), r.detail());
                if (!r.prevHash().equals(previous) || !r.hash().equals(expected)) {
                    return new Verification(count, false, r.id());
                }
                previous = r.hash();
                lastId = r.id();
                count++;
            }
            if (records.size() < page) {
                // A removed newest record shows as a head that no record matches.
                return new Verification(count, head.equals(previous), head.equals(previous) ? null : lastId);
            }
            em.clear();
        }
    }

    private void append(String actor, String event, String ip, String detail) {
        String previous = (String) em.createNativeQuery("SELECT last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String safeActor = actor == null ? "-" : actor;
        String safeIp = ip == null ? "-" : ip;
        String safeDetail = detail == null ? "" : detail.length() > 500 ? detail.substring(0, 500) : detail;
        String hash = AuditChain.hash(previous, now, safeActor, event, safeIp, safeDetail);
        em.persist(new AuditRecord(now, safeActor, event, safeIp, safeDetail, previous, hash));
        em.createNativeQuery("UPDATE audit_head SET last_hash = ?1 WHERE id = 1").setParameter(1, hash).executeUpdate();
    }
}
