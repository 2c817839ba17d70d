package io.okpay.ledger;

import io.okpay.notification.boundary.OutboxHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only outbox handler: records the events that postings wrote, once delivered. */
@ApplicationScoped
public class LedgerProbeHandler implements OutboxHandler {

    static final String TYPE = "it.ledger-probe";
    static final List<String> DELIVERED = new CopyOnWriteArrayList<>();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void deliver(String payloadJson) {
        DELIVERED.add(payloadJson);
    }
}
