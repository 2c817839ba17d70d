package io.okpay.ledger.control;

import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.Reconciliation;
import io.okpay.shared.JobLeases;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ledger's background work: expiring holds past their deadline, on one instance of the cluster per period
 * ({@link JobLeases}; safe on several at once too: each expiry locks its hold and is keyed by it), and reconciling on
 * the configured interval on every instance (read-only), since each instance's readiness and metrics report its own
 * last reconciliation.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LedgerSchedule {

    private static final Logger LOG = Logger.getLogger(LedgerSchedule.class.getName());

    @Resource
    TimerService timerService;

    @EJB
    Ledger ledger;

    @EJB
    Reconciliation reconciliation;

    @EJB
    JobLeases leases;

    @Inject
    @ConfigProperty(name = "okpay.ledger.reconciliation-interval-minutes", defaultValue = "60")
    long reconciliationIntervalMinutes;

    @PostConstruct
    void start() {
        long interval = Math.max(1, reconciliationIntervalMinutes) * 60_000;
        timerService.createIntervalTimer(interval, interval, new TimerConfig("ledger-reconciliation", false));
    }

    @Timeout
    void reconcile(Timer timer) {
        try {
            reconciliation.run();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Ledger reconciliation could not run", e);
        }
    }

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    void expireHolds() {
        try {
            if (!leases.claim("ledger-hold-expiry", Duration.ofSeconds(10))) {
                return;
            }
            int expired = ledger.expireDueHolds(Instant.now());
            if (expired > 0) {
                LOG.info(() -> "Expired " + expired + " hold(s) past their deadline");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not expire holds; next run retries", e);
        }
    }
}
