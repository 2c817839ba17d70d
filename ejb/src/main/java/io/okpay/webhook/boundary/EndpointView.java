package io.okpay.webhook.boundary;

import io.okpay.webhook.entity.WebhookEndpoint;

import java.time.Instant;
import java.util.List;

/** A webhook endpoint as its merchant sees it (never with its secret). */
public record EndpointView(String id, String url, List<String> eventTypes, String description, boolean enabled,
                           Instant createdAt) {

    public static EndpointView of(WebhookEndpoint endpoint) {
        return new EndpointView(endpoint.publicId(), endpoint.url(), List.copyOf(endpoint.eventTypes()),
                endpoint.description(), endpoint.enabled(), endpoint.createdAt());
    }
}
