package io.okpay.webhook.boundary;

import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.notification.boundary.Outbox;
import io.okpay.shared.crypto.Secrets;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * How features announce an event to a merchant: the event leaves through the outbox with the change that caused it
 * (as a ledger posting's effect, or {@link #publish} inside the caller's transaction), and the webhook dispatcher
 * delivers it to every endpoint of the merchant that listens to its type.
 * <p>
 * An event's id is derived from what it is about ({@link #eventId}), never random: a posting's effects are part of its
 * idempotency fingerprint, so a replayed request must produce the same event, and a merchant de-duplicates by the id.
 */
@Stateless
public class WebhookEvents {

    public static final String EVENT_TYPE = "webhook";

    @EJB
    Outbox outbox;

    /** Queues the event in the caller's transaction; it is delivered only if that commits. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void publish(String eventId, String merchantId, String type, JsonObject data) {
        outbox.enqueue(EVENT_TYPE, payload(eventId, merchantId, type, data));
    }

    /** The same event as a ledger posting's effect, written in the posting's transaction. */
    public static PostingRequest.Effect effect(String eventId, String merchantId, String type, JsonObject data) {
        return new PostingRequest.Effect(EVENT_TYPE, payload(eventId, merchantId, type, data));
    }

    /** A stable event id for what the event is about, e.g. {@code eventId("payment.succeeded", paymentId)}. */
    public static String eventId(String type, String objectId) {
        // The first 12 bytes of the hash: 96 bits, plenty for the events of one installation.
        return "evt_" + Secrets.sha256(type + "\n" + objectId).substring(0, 24);
    }

    /** {"id", "merchant_id", "type", "data"}: the handler adds "created" when it first records the event. */
    public static String payload(String eventId, String merchantId, String type, JsonObject data) {
        return Json.createObjectBuilder()
                .add("id", eventId)
                .add("merchant_id", merchantId)
                .add("type", type)
                .add("data", data)
                .build()
                .toString();
    }
}
