package io.okpay.audit.boundary;

import io.okpay.audit.control.AuditChain;
import io.okpay.audit.control.AuditSeals;
import io.okpay.audit.entity.AuditRecord;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes and checks the audit log. {@link #record} joins the caller's transaction (the event is kept only if what it
 * describes happened); {@link #recordFailure} commits on its own, for refusals whose transaction rolls back.
 * Records are chained by {@link AuditSeals} within about a second, outside the caller's transaction (no caller ever
 * waits for the chain's head).
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

    @EJB
    AuditSeals seals;

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
     * Seals what is pending, then walks the whole chain in its order: every record must hash to its seal's hash and
     * point at the seal before. One transaction, head first: its read opens the snapshot that the walk reads too, so
     * seals that commit meanwhile are neither half seen nor mistaken for a removed record.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Verification verify() {
        seals.seal();
        String head = (String) em.createNativeQuery("SELECT last_hash FROM audit_head WHERE id = 1").getSingleResult();
        String previous = AuditChain.GENESIS;
        long count = 0;
        long lastSeq = 0;
        Long lastId = null;
        int page = 500;
        while (true) {
            List<?> seals = em.createNativeQuery("SELECT seq, record_id, prev_hash, hash FROM audit_seal WHERE seq > ?1 "
                    + "ORDER BY seq").setParameter(1, lastSeq).setMaxResults(page).getResultList();
            List<Long> ids = seals.stream().map(row -> ((Number) ((Object[]) row)[1]).longValue()).toList();
            Map<Long, AuditRecord> records = ids.isEmpty() ? Map.of() : em.createQuery(
                            "SELECT r FROM AuditRecord r WHERE r.id IN :ids", AuditRecord.class)
                    .setParameter("ids", ids).getResultStream()
                    .collect(Collectors.toMap(AuditRecord::id, r -> r));
            for (Object row : seals) {
                Object[] seal = (Object[]) row;
                long id = ((Number) seal[1]).longValue();
                AuditRecord r = records.get(id);
                String expected = AuditChain.hash((String) seal[2], r.createdAt(), r.actor(), r.event(), r.ip(), r.detail());
                if (!seal[2].equals(previous) || !seal[3].equals(expected)) {
                    return new Verification(count, false, id);
                }
                previous = (String) seal[3];
                lastSeq = ((Number) seal[0]).longValue();
                lastId = id;
                count++;
            }
            if (seals.size() < page) {
                // A removed newest record shows as a head that no seal matches.
                return new Verification(count, head.equals(previous), head.equals(previous) ? null : lastId);
            }
            em.clear();
        }
    }

    /** A plain insert and its row in audit_pending: no lock that others wait for; the sealer chains it shortly. */
    private void append(String actor, String event, String ip, String detail) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String safeActor = actor == null ? "-" : actor;
        String safeIp = ip == null ? "-" : ip;
        String safeDetail = detail == null ? "" : detail.length() > 500 ? detail.substring(0, 500) : detail;
        AuditRecord record = new AuditRecord(now, safeActor, event, safeIp, safeDetail);
        em.persist(record);
        em.createNativeQuery("INSERT INTO audit_pending (record_id) VALUES (?1)").setParameter(1, record.id())
                .executeUpdate();
    }
}
