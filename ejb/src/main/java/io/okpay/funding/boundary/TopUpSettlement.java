package io.okpay.funding.boundary;

import io.okpay.funding.control.TopUpRecords;
import io.okpay.funding.control.TopUpRecovery;
import io.okpay.shared.BusinessException;
import io.okpay.shared.JobLeases;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Settles top-ups that lost their processor's answer (a timeout after authorising, an instance that stopped mid-way,
 * see {@link TopUpRecovery}): every minute, on one instance of the cluster ({@link JobLeases}; each step is idempotent
 * too, so two instances settling the same top-up would do no harm).
 * A top-up is never left pending: it ends credited or failed with its card reservation released. Bank transfer
 * top-ups past their expiry fail too (topup_expired).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TopUpSettlement {

    /** Longer than any request takes (processor timeouts and retries included), so live requests are left alone. */
    static final Duration QUIET_FOR = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(TopUpSettlement.class.getName());

    @EJB
    TopUpRecords records;

    @EJB
    TopUpRecovery recovery;

    @EJB
    JobLeases leases;

    @Schedule(hour = "*", minute = "*", persistent = false)
    public void settleStuck() {
        if (!leases.claim("topup-settlement", Duration.ofMinutes(1))) {
            return;
        }
        for (String id : records.stuck(Instant.now().minus(QUIET_FOR), 100)) {
            try {
                LOG.info(() -> "Top-up " + id + " settled as " + recovery.settle(id).status());
            } catch (BusinessException e) {
                LOG.warning(() -> "Top-up " + id + " could not be settled yet: " + e.code());
            }
        }
        for (String id : records.expiredTransfers(Instant.now(), 500)) {
            records.failed(id, "topup_expired");
        }
    }
}
