package io.okpay.transfer.control;

import io.okpay.shared.JobLeases;
import io.okpay.transfer.boundary.Escrow;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 10 seconds, on one instance of the cluster ({@link JobLeases}): settles transfers waiting in escrow (claimed,
 * expired, or interrupted). Running on several instances at once would be safe too (see {@link Escrow#settleDue}); a
 * claim shows up within seconds of the recipient confirming their address.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EscrowSchedule {

    private static final Logger LOG = Logger.getLogger(EscrowSchedule.class.getName());

    @EJB
    Escrow escrow;

    @EJB
    JobLeases leases;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    void settle() {
        try {
            if (leases.claim("escrow-settlement", Duration.ofSeconds(10))) {
                escrow.settleDue(Instant.now());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Escrow settlement run failed; the next run tries again", e);
        }
    }
}
