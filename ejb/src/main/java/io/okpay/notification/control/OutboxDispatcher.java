package io.okpay.notification.control;

import io.okpay.shared.OnePass;
import io.okpay.notification.boundary.OutboxHandler;
import io.okpay.notification.boundary.OutboxPriority;
import io.okpay.notification.entity.OutboxEvent;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers outbox events every second on every instance; the claim (SKIP LOCKED + lease) makes sure each event goes to
 * one instance at a time. Failed deliveries come back with exponential back-off (5 s doubling, at most 1 h) for 3 days,
 * then the event is DEAD and stays in the table for an operator.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDispatcher {

    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final int BATCH = 20;

    @EJB
    OutboxStore store;

    @Inject
    @Any
    Instance<OutboxHandler> handlers;

    /**
     * NORMAL events delivered at most per pass (a pass a second) and instance; 0 or less: no bound. Receipts of a
     * burst of payments then leave over the following seconds instead of taking the CPU the payments need.
     */
    @Inject
    @ConfigProperty(name = "okpay.outbox.normal-per-second", defaultValue = "100")
    int normalPerSecond;

    /** A slow delivery must not pile up timer runs. */
    private final OnePass pass = new OnePass();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        pass.run(this::deliverDue);
    }

    private void deliverDue() {
        try {
            // URGENT events (codes, links) all go; NORMAL ones (receipts, notices) at most normalPerSecond a pass.
            int normalLeft = normalPerSecond <= 0 ? Integer.MAX_VALUE : normalPerSecond;
            List<OutboxEvent> batch;
            int asked;
            do {
                asked = normalLeft > 0 ? Math.min(BATCH, normalLeft) : BATCH;
                batch = store.claimDue(Instant.now(), asked,
                        normalLeft > 0 ? OutboxPriority.NORMAL : OutboxPriority.URGENT);
                Map<Long, String> delivered = new HashMap<>(batch.size());
                for (OutboxEvent event : batch) {
                    if (event.priority() != OutboxPriority.URGENT) {
                        normalLeft--;
                    }
                    if (deliver(event)) {
                        delivered.put(event.id(), kept(event));
                    }
                }
                // Should this instance die before this, the lease runs out and the batch goes again: at least once.
                store.markDelivered(delivered, Instant.now());
            } while (batch.size() == asked);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox pass failed; will try again", e);
        } finally {
            handlers.forEach(OutboxHandler::passFinished);
        }
    }

    /** True when delivered; a failure is recorded for a later attempt right away. */
    private boolean deliver(OutboxEvent event) {
        OutboxHandler handler = handlerFor(event.type());
        try {
            if (handler == null) {
                throw new IllegalStateException("No handler for outbox events of type " + event.type());
            }
            handler.deliver(event.payload());
            return true;
        } catch (Exception e) {
            Instant now = Instant.now();
            boolean giveUp = now.isAfter(event.createdAt().plus(GIVE_UP_AFTER));
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(giveUp ? Level.SEVERE : Level.WARNING,
                    "Outbox event " + event.id() + " (" + event.type() + ") attempt " + event.attempts()
                            + (giveUp ? " failed for good: " : " failed, will retry: ") + reason);
            store.markFailed(event.id(), reason, now.plus(backOff(event.attempts())), giveUp);
            return false;
        }
    }

    /** What stays of a delivered event: its handler blanks secrets; if that fails, nothing of the payload stays. */
    private String kept(OutboxEvent event) {
        try {
            return handlerFor(event.type()).afterDelivery(event.payload());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox event " + event.id() + " delivered; its payload is dropped: " + e);
            return "{}";
        }
    }

    /** 5 s, 10 s, 20 s ... capped at one hour. */
    static Duration backOff(int attempts) {
        long seconds = 5L << Math.min(Math.max(attempts - 1, 0), 10);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }

    private OutboxHandler handlerFor(String type) {
        for (OutboxHandler handler : handlers) {
            if (handler.type().equals(type)) {
                return handler;
            }
        }
        return null;
    }
}
