package io.okpay.webhook.control;

import java.time.Instant;

/** A claimed delivery with everything the dispatcher needs to POST it, read before the claim's transaction ends. */
public record DueDelivery(long id, long endpointId, String endpointPublicId, String url, String sealedSecret,
                          boolean endpointActive, String eventId, String body, Instant createdAt, int attempts) {
}
