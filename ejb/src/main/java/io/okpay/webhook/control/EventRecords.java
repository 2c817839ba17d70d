package io.okpay.webhook.control;

import io.okpay.shared.PublicIds;
import io.okpay.webhook.entity.WebhookDelivery;
import io.okpay.webhook.entity.WebhookEndpoint;
import io.okpay.webhook.entity.WebhookEvent;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Turns a published event into the event as merchants receive it and one delivery per enabled endpoint of the merchant
 * that listens to its type, in one transaction. No HTTP here: the dispatcher does that.
 */
@Stateless
public class EventRecords {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /**
     * Records the event unless it is already recorded (a re-run of the same outbox event, or the same event published
     * twice): an event id is delivered once per endpoint. Two instances recording it at once collide on the unique
     * event id; the loser's outbox event is retried and then finds it recorded.
     *
     * @return the number of deliveries created (0 when the event was known, or nobody listens)
     */
    public int record(String eventId, String merchantId, String type, JsonObject data, Instant now) {
        boolean known = !em.createNamedQuery(WebhookEvent.BY_PUBLIC_ID, WebhookEvent.class).setParameter("id", eventId)
                .getResultList().isEmpty();
        if (known) {
            return 0;
        }
        Instant created = now.truncatedTo(ChronoUnit.SECONDS);
        WebhookEvent event = new WebhookEvent(eventId, merchantId, type, body(eventId, type, created, data), created);
        em.persist(event);
        int deliveries = 0;
        for (WebhookEndpoint endpoint : em.createNamedQuery(WebhookEndpoint.OF_MERCHANT, WebhookEndpoint.class)
                .setParameter("merchantId", merchantId).getResultList()) {
            if (endpoint.active() && endpoint.listensTo(type)) {
                em.persist(new WebhookDelivery(PublicIds.newId("whd"), event, endpoint, now));
                deliveries++;
            }
        }
        return deliveries;
    }

    /**
     * A test event for one endpoint alone, whatever types it listens to: an event of its own (a new id each time) and
     * its one delivery, which the dispatcher delivers and signs like any other. Runs in the caller's transaction.
     */
    public WebhookDelivery recordTest(WebhookEndpoint endpoint, String type, JsonObject data, Instant now) {
        String eventId = PublicIds.newId("evt");
        Instant created = now.truncatedTo(ChronoUnit.SECONDS);
        WebhookEvent event = new WebhookEvent(eventId, endpoint.merchantId(), type, body(eventId, type, created, data),
                created);
        em.persist(event);
        WebhookDelivery delivery = new WebhookDelivery(PublicIds.newId("whd"), event, endpoint, now);
        em.persist(delivery);
        em.flush();
        return delivery;
    }

    /** The JSON POSTed to endpoints: {"id", "object": "event", "type", "created", "data"}. */
    static String body(String eventId, String type, Instant created, JsonObject data) {
        return Json.createObjectBuilder()
                .add("id", eventId)
                .add("object", "event")
                .add("type", type)
                .add("created", created.toString())
                .add("data", data)
                .build()
                .toString();
    }
}
