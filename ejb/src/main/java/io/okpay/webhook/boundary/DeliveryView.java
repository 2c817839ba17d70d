package io.okpay.webhook.boundary;

import java.time.Instant;
import java.util.List;

/** One event to one endpoint, with every HTTP attempt of it (oldest first). */
public record DeliveryView(String id, String endpointId, String eventId, String eventType, DeliveryStatus status,
                           Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, List<Attempt> attempts) {

    /** One HTTP attempt: the answer's status (null without an answer, then {@code error} says why) and its time. */
    public record Attempt(Instant at, Integer httpStatus, String error, int responseMs, String responseBody) {
    }

    /** The last attempt, or null before the first. */
    public Attempt lastAttempt() {
        return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    }
}
