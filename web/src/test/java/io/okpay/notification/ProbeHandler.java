package io.okpay.notification;

import io.okpay.notification.boundary.OutboxHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only outbox handler: records what it delivers, and fails the first attempt of payloads that ask for it. */
@ApplicationScoped
public class ProbeHandler implements OutboxHandler {

    static final String TYPE = "it.probe";
    static final List<String> DELIVERED = new CopyOnWriteArrayList<>();
    static final List<String> ATTEMPTED = new CopyOnWriteArrayList<>();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void deliver(String payloadJson) {
        ATTEMPTED.add(payloadJson);
        if (payloadJson.contains("flaky") && ATTEMPTED.stream().filter(payloadJson::equals).count() == 1) {
            throw new IllegalStateException("first attempt fails on purpose");
        }
        DELIVERED.add(payloadJson);
    }
}
