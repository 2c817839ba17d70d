package io.okpay.webhook.control;

import io.okpay.shared.OnePass;
import io.okpay.shared.SandboxPart;
import io.okpay.webhook.entity.WebhookAttempt;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * POSTs due webhook deliveries every second on every instance; the claim (SKIP LOCKED + lease) gives each delivery to
 * one instance at a time. Runs outside any transaction: the database is touched only in {@link DeliveryStore}'s short
 * transactions before and after each call, never while a merchant's server is being waited for.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    private static final int BATCH = 10;

    @EJB
    DeliveryStore store;

    @Inject
    WebhookSender sender;

    @Inject
    EndpointSecrets secrets;

    @Inject
    EndpointBreakers breakers;

    @Inject
    RetrySchedule schedule;

    @Inject
    Config config;

    /** A slow merchant server must not pile up timer runs. */
    private final OnePass pass = new OnePass();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        pass.run(this::deliverDue);
    }

    private void deliverDue() {
        try {
            List<DueDelivery> batch;
            do {
                batch = store.claimDue(Instant.now(), BATCH);
                batch.forEach(this::deliverSafely);
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook pass failed; will try again", e);
        }
    }

    /**
     * With okpay.sandbox.webhook.local-receivers on, receivers on this machine are fine (trying OKPay locally, tests);
     * otherwise only public ones.
     */
    private boolean sandbox() {
        return SandboxPart.LOCAL_WEBHOOK_RECEIVERS.on(config);
    }

    /** One broken delivery (a secret that does not open) must not stop the others; its lease brings it back later. */
    private void deliverSafely(DueDelivery due) {
        try {
            deliver(due);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook delivery " + due.id() + " could not be attempted", e);
        }
    }

    private void deliver(DueDelivery due) {
        Instant now = Instant.now();
        if (!due.endpointActive()) {
            // Disabled or deleted since the event: nothing goes out; the merchant can re-send after enabling it.
            store.postpone(due.id(), now, true);
            return;
        }
        var openUntil = breakers.openUntil(due.endpointId(), now);
        if (openUntil.isPresent()) {
            // Not an attempt, so never the reason to give up: a delivery past its retry period (or re-sent by hand)
            // still gets its attempt when the breaker lets calls through again.
            store.postpone(due.id(), openUntil.get(), false);
            return;
        }
        String signature = Signatures.header(secrets.open(due.endpointPublicId(), due.sealedSecret()),
                now.getEpochSecond(), due.body());
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        String responseBody = null;
        boolean delivered = false;
        try {
            // Resolved and checked once, right before the call, which then goes to that very address.
            ReceiverAddresses.Receiver receiver = ReceiverAddresses.pin(due.url(), sandbox());
            WebhookSender.Answer answer = sender.post(receiver, due.body(), due.eventId(), signature);
            status = answer.status();
            responseBody = answer.bodySlice();
            delivered = answer.successful();
        } catch (Exception e) {
            // @Timeout ends the call by interrupting this thread; the flag must not stay set, or the database calls
            // that record the attempt would fail. The timer thread has no other reason to be interrupted.
            String code = DeliveryErrors.code(e, Thread.interrupted());
            // The merchant's log gets the code only; the details (hosts, addresses, library text) are for operators.
            LOG.log(Level.INFO, () -> "Webhook delivery " + due.id() + " to endpoint " + due.endpointPublicId()
                    + " failed (" + code + "): " + e);
            error = code;
        }
        int elapsedMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        Instant finished = Instant.now();
        if (delivered) {
            breakers.succeeded(due.endpointId());
        } else {
            breakers.failed(due.endpointId(), finished);
        }
        WebhookAttempt attempt = new WebhookAttempt(due.id(), now, status, error, elapsedMs, responseBody);
        store.attempted(due.id(), attempt, delivered, schedule.next(due.attempts() + 1, finished),
                !delivered && schedule.expired(due.createdAt(), finished));
    }
}
