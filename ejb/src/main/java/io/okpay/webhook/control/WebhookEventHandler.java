package io.okpay.webhook.control;

import io.okpay.notification.boundary.OutboxHandler;
import io.okpay.webhook.boundary.WebhookEvents;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.time.Instant;

/**
 * Takes webhook events out of the outbox ({"id", "merchant_id", "type", "data"}) and records them with their
 * deliveries; safe to run again for the same outbox event (the event id is recorded once).
 */
@ApplicationScoped
public class WebhookEventHandler implements OutboxHandler {

    @EJB
    EventRecords records;

    @Override
    public String type() {
        return WebhookEvents.EVENT_TYPE;
    }

    @Override
    public void deliver(String payloadJson) {
        JsonObject payload;
        try (var reader = Json.createReader(new StringReader(payloadJson))) {
            payload = reader.readObject();
        }
        records.record(payload.getString("id"), payload.getString("merchant_id"), payload.getString("type"),
                payload.getJsonObject("data"), Instant.now());
    }
}
