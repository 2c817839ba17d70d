package io.okpay.webhook.boundary;

import java.util.List;

/** The event types a webhook endpoint can listen to; {@code *} stands for all of them, also types added later. */
public final class EventTypes {

    public static final List<String> ALL = List.of(
            "checkout.session.completed",
            "checkout.session.expired",
            "payment.succeeded",
            "refund.succeeded",
            "payout.paid",
            "payout.failed");

    private EventTypes() {
    }
}
