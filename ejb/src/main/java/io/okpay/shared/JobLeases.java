package io.okpay.shared;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * Once per period across the cluster: every instance's timer fires, and the one whose claim moves the job's lease
 * forward runs the job; the others skip that period. No lock is held while the job runs, and an instance that dies
 * holds nothing: the next period's claim goes to whoever asks. (Persistent EJB timers would die with their owner.)
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobLeases {

    /** This JVM as the lease table names it (process id and host), for whoever reads the table. */
    static final String HOLDER = ManagementFactory.getRuntimeMXBean().getName();

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /**
     * Whether this instance runs {@code job} now, the job's timer firing every {@code period}. The lease ends a little
     * before the next firing (a tenth of the period, at most a second), so that the next period's claim is not
     * refused by timers firing a few milliseconds apart.
     */
    public boolean claim(String job, Duration period) {
        long micros = period.minus(slack(period)).toNanos() / 1_000;
        String claim = HOLDER + " " + UUID.randomUUID();
        // One statement that takes the row's exclusive lock at once (a read first, or INSERT IGNORE then UPDATE, lets
        // two claims deadlock); the lease moves only when it has ended. Whether it moved is whether it now names us.
        em.createNativeQuery("INSERT INTO job_lease (name, holder, held_until) VALUES (?1, ?2, NOW(6) + INTERVAL ?3 MICROSECOND) "
                        + "ON DUPLICATE KEY UPDATE holder = IF(held_until <= NOW(6), VALUES(holder), holder), "
                        + "held_until = IF(held_until <= NOW(6), VALUES(held_until), held_until)")
                .setParameter(1, job).setParameter(2, claim).setParameter(3, micros).executeUpdate();
        return claim.equals(em.createNativeQuery("SELECT holder FROM job_lease WHERE name = ?1")
                .setParameter(1, job).getSingleResult());
    }

    private static Duration slack(Duration period) {
        Duration tenth = period.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? tenth : Duration.ofSeconds(1);
    }
}
