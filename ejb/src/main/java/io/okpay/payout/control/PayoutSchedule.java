package io.okpay.payout.control;

import io.okpay.payout.boundary.PayoutStatus;
import io.okpay.payout.entity.Payout;
import io.okpay.shared.JobLeases;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 10 seconds, on one instance of the cluster ({@link JobLeases}): fails the payouts that were never exported before their hold's deadline, as
 * an operator's "failed" would (the hold is voided, or was already released by the ledger's expiry), and the owner
 * is told why by e-mail. Safe on several instances at once too: taking a payout into FAILING is a conditional update,
 * and finishing a settlement again posts and tells nothing twice.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PayoutSchedule {

    /** The actor of payouts failed here, in the payout row and the audit log; operators are usr_ ids. */
    public static final String SYSTEM = "system";
    static final String LAPSED_REASON = "Not sent to the bank before its hold expired";

    private static final Logger LOG = Logger.getLogger(PayoutSchedule.class.getName());

    @EJB
    PayoutRecords records;

    @Inject
    PayoutSteps steps;

    @EJB
    JobLeases leases;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    void failLapsed() {
        try {
            if (!leases.claim("payout-lapse", Duration.ofSeconds(10))) {
                return;
            }
            for (Payout payout : records.lapsed(Instant.now(), SYSTEM, 100)) {
                boolean ours = payout.status() == PayoutStatus.FAILING
                        || records.begin(payout.id(), EnumSet.of(PayoutStatus.PENDING), PayoutStatus.FAILING, SYSTEM,
                        LAPSED_REASON);
                if (ours) {
                    steps.settle(payout.id());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not fail lapsed payouts; the next run tries again", e);
        }
    }
}
