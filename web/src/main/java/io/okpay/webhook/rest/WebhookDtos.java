package io.okpay.webhook.rest;

import io.okpay.webhook.boundary.DeliveryStatus;
import io.okpay.webhook.boundary.DeliveryView;
import io.okpay.webhook.boundary.EndpointView;
import io.okpay.webhook.boundary.EndpointWithSecret;

import java.time.Instant;
import java.util.List;

/** The JSON of webhook endpoints and deliveries. */
public final class WebhookDtos {

    private WebhookDtos() {
    }

    /** {@code secret} only in the answer to create and rotate_secret. */
    public record EndpointDto(String id, String object, String url, List<String> events, String description, String status,
                       String secret, String created) {

        static EndpointDto of(EndpointView e) {
            return new EndpointDto(e.id(), "webhook_endpoint", e.url(), e.eventTypes(), e.description(),
                    e.enabled() ? "enabled" : "disabled", null, e.createdAt().toString());
        }

        static EndpointDto of(EndpointWithSecret e) {
            EndpointDto dto = of(e.endpoint());
            return new EndpointDto(dto.id(), dto.object(), dto.url(), dto.events(), dto.description(), dto.status(),
                    e.secret(), dto.created());
        }
    }

    public record EndpointList(List<EndpointDto> data, boolean has_more) {
    }

    public record AttemptDto(String at, Integer http_status, String error, int response_time_ms, String response_body) {

        static AttemptDto of(DeliveryView.Attempt a) {
            return new AttemptDto(a.at().toString(), a.httpStatus(), a.error(), a.responseMs(), a.responseBody());
        }
    }

    /** {@code next_attempt_at} only while pending; {@code attempts} is the number of HTTP attempts, oldest first in {@code attempt_log}. */
    public record DeliveryDto(String id, String object, String endpoint_id, String event_id, String event_type, String status,
                       int attempts, Integer last_http_status, Integer last_response_time_ms, String created,
                       String next_attempt_at, String delivered_at, List<AttemptDto> attempt_log) {

        static DeliveryDto of(DeliveryView d) {
            DeliveryView.Attempt last = d.lastAttempt();
            boolean pending = d.status() == DeliveryStatus.PENDING;
            return new DeliveryDto(d.id(), "webhook_delivery", d.endpointId(), d.eventId(), d.eventType(),
                    d.status().name().toLowerCase(), d.attempts().size(), last == null ? null : last.httpStatus(),
                    last == null ? null : last.responseMs(), d.createdAt().toString(),
                    pending ? d.nextAttemptAt().toString() : null, text(d.deliveredAt()),
                    d.attempts().stream().map(AttemptDto::of).toList());
        }
    }

    public record DeliveryList(List<DeliveryDto> data, boolean has_more) {
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
