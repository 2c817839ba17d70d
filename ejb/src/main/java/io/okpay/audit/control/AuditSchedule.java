package io.okpay.audit.control;

import io.okpay.shared.OnePass;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Seals the audit log's new records every second on every instance (the sealers take turns on the chain's head). */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditSchedule {

    private static final Logger LOG = Logger.getLogger(AuditSchedule.class.getName());

    @EJB
    AuditSeals seals;

    private final OnePass pass = new OnePass();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        pass.run(this::sealAll);
    }

    private void sealAll() {
        try {
            while (seals.seal() > 0) {
                // a backlog (after a burst or a pause): go on until it is sealed
            }
        } catch (RuntimeException e) {
            // The database may be away for a while; the records wait in audit_pending for the next pass.
            LOG.log(Level.WARNING, "Sealing the audit log failed; it is tried again in a second", e);
        }
    }
}
