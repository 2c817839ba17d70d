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

    /** One record as operators read it. */
    public record Entry(long id, Instant createdAt, String actor, String event, String ip, String detail) {
    }

    /** What an operator's search of the log asks for; null or blank fields do not filter. */
    public record Filter(String actor, String event, String text, Instant from, Instant to, Long beforeId) {
    }

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String actor, String event, String ip, String detail) {
        append(actor, event, ip, detail);
    }

    /**
     * An operator's action, in the caller's transaction: who did what to which object, why, and the state before and
     * after ({@code object | reason: ... | before -> after}).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordAction(String operatorId, String event, String object, String reason, String before, String after) {
        append(operatorId, event, "-", actionDetail(object, reason, before, after));
    }

    /** The detail an operator's action is written with. */
    public static String actionDetail(String object, String reason, String before, String after) {
        return (object == null ? "-" : object) + " | reason: " + (reason == null ? "" : reason.strip()) + " | "
                + (before == null ? "-" : before) + " -> " + (after == null ? "-" : after);
    }

    /** Records matching the filter, newest first, at most {@code limit} (capped at 200). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Entry> search(Filter filter, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT r FROM AuditRecord r WHERE 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            jpql.append(" AND r.actor = :actor");
            params.put("actor", filter.actor().strip());
        }
        if (filter.event() != null && !filter.event().isBlank()) {
            jpql.append(" AND r.event = :event");
            params.put("event", filter.event().strip());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            jpql.append(" AND LOCATE(:text, r.detail) > 0");
            params.put("text", filter.text().strip());
        }
        if (filter.from() != null) {
            jpql.append(" AND r.createdAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            jpql.append(" AND r.createdAt < :to");
            params.put("to", filter.to());
        }
        if (filter.beforeId() != null) {
            jpql.append(" AND r.id < :before");
            params.put("before", filter.beforeId());
        }
        var query = em.createQuery(jpql.append(" ORDER BY r.id DESC").toString(), AuditRecord.class)
                .setMaxResults(Math.max(1, Math.min(limit, 200)));
        params.forEach(query::setParameter);
        return query.getResultStream().map(r -> new Entry(r.id(), r.createdAt(), r.actor(), r.event(), r.ip(), r.detail()))
                .toList();
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
