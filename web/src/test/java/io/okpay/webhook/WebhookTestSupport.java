package io.okpay.webhook;

import io.okpay.webhook.boundary.WebhookEvents;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.time.Instant;

/**
 * Test-only, in the test server (for the webhook tests): publishes an event as checkout, refunds and payouts do (through
 * {@link WebhookEvents#publish} in a transaction), and moves a delivery's start back past the retry period, as if
 * three days had passed.
 */
@Stateless
@Path("test-webhook")
@Produces(MediaType.TEXT_PLAIN)
public class WebhookTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    WebhookEvents events;

    /** Publishes {@code type} about the object {@code object} (a payment-like data object); answers the event id. */
    @POST
    @Path("publish/{merchant}")
    public String publish(@PathParam("merchant") String merchantId, @QueryParam("type") String type,
                          @QueryParam("object") String objectId) {
        String eventId = WebhookEvents.eventId(type, objectId);
        events.publish(eventId, merchantId, type, Json.createObjectBuilder()
                .add("id", objectId).add("object", "payment").add("amount", "12.50").add("currency", "EUR")
                .add("note", "caf\u00e9 \u4f60\u597d").build());
        return eventId;
    }

    /** The delivery was created 3 days and 1 minute ago and is due now. */
    @POST
    @Path("age/{delivery}")
    public String age(@PathParam("delivery") String deliveryId) {
        Instant now = Instant.now();
        return Integer.toString(em.createNativeQuery(
                        "UPDATE webhook_delivery SET created_at = ?, next_attempt_at = ? WHERE public_id = ?")
                .setParameter(1, now.minus(Duration.ofDays(3).plusMinutes(1))).setParameter(2, now)
                .setParameter(3, deliveryId).executeUpdate());
    }
}
