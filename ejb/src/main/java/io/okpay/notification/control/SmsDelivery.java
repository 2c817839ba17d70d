package io.okpay.notification.control;

import io.okpay.notification.boundary.OutboxHandler;
import io.okpay.shared.crypto.MasterKey;
import io.okpay.notification.boundary.Sms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Opens a queued text message (sealed in the outbox: it holds a phone number and often a code) and sends it. */
@ApplicationScoped
public class SmsDelivery implements OutboxHandler {

    @Inject
    SmsGateway gateway;

    @Inject
    MasterKey masterKey;

    @Override
    public String type() {
        return Sms.EVENT_TYPE;
    }

    @Override
    public void deliver(String payloadJson) throws Exception {
        JsonObject sealed;
        try (var reader = Json.createReader(new StringReader(payloadJson))) {
            sealed = reader.readObject();
        }
        JsonObject message;
        try (var reader = Json.createReader(new StringReader(new String(
                masterKey.open(sealed.getString("sealed"), Sms.SEAL_CONTEXT), StandardCharsets.UTF_8)))) {
            message = reader.readObject();
        }
        gateway.send(message.getString("to"), message.getString("text"));
    }

    /** Text messages carry codes: once sent, only the (still sealed) number stays. */
    @Override
    public String afterDelivery(String payloadJson) {
        JsonObject sealed;
        try (var reader = Json.createReader(new StringReader(payloadJson))) {
            sealed = reader.readObject();
        }
        String to;
        try (var reader = Json.createReader(new StringReader(new String(
                masterKey.open(sealed.getString("sealed"), Sms.SEAL_CONTEXT), StandardCharsets.UTF_8)))) {
            to = reader.readObject().getString("to");
        }
        String kept = Json.createObjectBuilder().add("to", to).add("text", "").build().toString();
        return Json.createObjectBuilder()
                .add("sealed", masterKey.seal(kept.getBytes(StandardCharsets.UTF_8), Sms.SEAL_CONTEXT)).build().toString();
    }
}
