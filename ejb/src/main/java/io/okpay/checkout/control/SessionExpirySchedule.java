package io.okpay.checkout.control;

import io.okpay.checkout.boundary.CheckoutSessions;
import io.okpay.shared.JobLeases;
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
 * Every 30 seconds, on one instance of the cluster ({@link JobLeases}): expires open checkout sessions whose time is
 * up and announces them. Safe on several instances at once too (see {@link CheckoutSessions#expireDue}); reads expire
 * a due session anyway.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionExpirySchedule {

    private static final Logger LOG = Logger.getLogger(SessionExpirySchedule.class.getName());

    @EJB
    CheckoutSessions sessions;

    @EJB
    JobLeases leases;

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void expire() {
        try {
            if (leases.claim("checkout-session-expiry", Duration.ofSeconds(30))) {
                sessions.expireDue(Instant.now());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiring checkout sessions failed; the next run tries again", e);
        }
    }
}
