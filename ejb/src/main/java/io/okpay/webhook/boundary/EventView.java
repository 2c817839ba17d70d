package io.okpay.webhook.boundary;

import java.time.Instant;

/** An event of a merchant with the exact JSON body its deliveries POST. */
public record EventView(String id, String type, Instant createdAt, String body) {
}
