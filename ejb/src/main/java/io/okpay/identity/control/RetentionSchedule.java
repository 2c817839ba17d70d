package io.okpay.identity.control;

import io.okpay.identity.boundary.AccountClosure;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every hour on every instance: anonymises the accounts whose retention period after closing is over. Safe on several
 * instances at once, each account is claimed by a conditional UPDATE (see {@link AccountClosure#eraseDue}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @EJB
    AccountClosure closure;

    @Schedule(minute = "17", hour = "*", persistent = false)
    void eraseDue() {
        try {
            int done = closure.eraseDue(Instant.now());
            if (done > 0) {
                LOG.info(() -> "Anonymised " + done + " closed account(s) after their retention period");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Anonymising closed accounts failed; the next run tries again", e);
        }
    }
}
