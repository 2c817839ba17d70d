package io.okpay.webhook.boundary;

import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.webhook.entity.WebhookAttempt;
import io.okpay.webhook.entity.WebhookDelivery;
import io.okpay.webhook.entity.WebhookEndpoint;
import io.okpay.webhook.entity.WebhookEvent;
import io.okpay.webhook.control.EventRecords;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The delivery log of a merchant's endpoints, its events as delivered, and manual re-sends. Everything is looked up
 * within the caller's merchant: another merchant's ids answer 404.
 */
@Stateless
public class WebhookDeliveries {

    /** The type of the test events a merchant sends to an endpoint to try it (no endpoint can subscribe to it). */
    public static final String TEST_EVENT = "webhook_endpoint.test";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    EventRecords records;

    /** An endpoint's deliveries, newest first; {@code startingAfter} is the last delivery id of the previous page. */
    public DeliveryPage ofEndpoint(String merchantId, String endpointId, String startingAfter, int limit) {
        WebhookEndpoint endpoint = em.createNamedQuery(WebhookEndpoint.BY_PUBLIC_ID, WebhookEndpoint.class)
                .setParameter("id", endpointId == null ? "" : endpointId).setParameter("merchantId", merchantId)
                .getResultStream().findFirst().orElseThrow(BusinessException::notFound);
        long before = Long.MAX_VALUE;
        if (startingAfter != null && !startingAfter.isBlank()) {
            WebhookDelivery cursor = find(startingAfter)
                    .filter(d -> d.endpoint().id().equals(endpoint.id()))
                    .orElseThrow(() -> BusinessException.invalid(List.of(new FieldError("starting_after", "cursor_invalid"))));
            before = cursor.id();
        }
        int size = Math.max(1, Math.min(limit, 100));
        List<WebhookDelivery> rows = em.createNamedQuery(WebhookDelivery.OF_ENDPOINT, WebhookDelivery.class)
                .setParameter("endpoint", endpoint).setParameter("before", before)
                .setMaxResults(size + 1).getResultList();
        List<WebhookDelivery> page = rows.subList(0, Math.min(size, rows.size()));
        return new DeliveryPage(views(page), rows.size() > size);
    }

    /** One delivery of the merchant's. */
    public DeliveryView delivery(String merchantId, String deliveryId) {
        return views(List.of(own(merchantId, deliveryId))).get(0);
    }

    /** The event as its deliveries POST it. */
    public EventView event(String merchantId, String eventId) {
        WebhookEvent event = em.createNamedQuery(WebhookEvent.BY_PUBLIC_ID, WebhookEvent.class)
                .setParameter("id", eventId == null ? "" : eventId).getResultStream()
                .filter(e -> e.merchantId().equals(merchantId)).findFirst()
                .orElseThrow(BusinessException::notFound);
        return new EventView(event.publicId(), event.type(), event.createdAt(), event.body());
    }

    /**
     * Queues another attempt now, with the same event (same id and body), whatever the delivery's state: also after it
     * failed for good or was delivered (the merchant lost it). The retry period still counts from the event: a
     * delivery past it gets this one attempt. The endpoint must be enabled.
     */
    public DeliveryView resend(String merchantId, String deliveryId) {
        WebhookDelivery delivery = own(merchantId, deliveryId);
        if (!delivery.endpoint().active()) {
            throw new BusinessException("webhook_endpoint_disabled");
        }
        em.lock(delivery, LockModeType.PESSIMISTIC_WRITE);
        delivery.resend(Instant.now());
        return views(List.of(delivery)).get(0);
    }

    /**
     * Sends a test event ({@link #TEST_EVENT}, data: the endpoint) to this endpoint only, now, through the dispatcher:
     * signed, retried and logged like every delivery. The endpoint must be enabled; anyone else's is 404.
     */
    public DeliveryView sendTest(String merchantId, String endpointId) {
        WebhookEndpoint endpoint = em.createNamedQuery(WebhookEndpoint.BY_PUBLIC_ID, WebhookEndpoint.class)
                .setParameter("id", endpointId == null ? "" : endpointId)
                .setParameter("merchantId", merchantId == null ? "" : merchantId)
                .getResultStream().findFirst().orElseThrow(BusinessException::notFound);
        if (!endpoint.active()) {
            throw new BusinessException("webhook_endpoint_disabled");
        }
        JsonObject data = Json.createObjectBuilder().add("id", endpoint.publicId()).add("object", "webhook_endpoint")
                .add("url", endpoint.url()).add("test", true).build();
        return views(List.of(records.recordTest(endpoint, TEST_EVENT, data, Instant.now()))).get(0);
    }

    private WebhookDelivery own(String merchantId, String deliveryId) {
        return find(deliveryId).filter(d -> d.endpoint().merchantId().equals(merchantId))
                .orElseThrow(BusinessException::notFound);
    }

    private java.util.Optional<WebhookDelivery> find(String deliveryId) {
        return em.createNamedQuery(WebhookDelivery.BY_PUBLIC_ID, WebhookDelivery.class)
                .setParameter("id", deliveryId == null ? "" : deliveryId).getResultStream().findFirst();
    }

    /** The deliveries with their attempts, read in one query. */
    private List<DeliveryView> views(List<WebhookDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<Long, List<DeliveryView.Attempt>> attempts = em.createNamedQuery(WebhookAttempt.OF_DELIVERIES, WebhookAttempt.class)
                .setParameter("deliveries", deliveries.stream().map(WebhookDelivery::id).toList())
                .getResultStream()
                .collect(Collectors.groupingBy(WebhookAttempt::deliveryId, Collectors.mapping(a -> new DeliveryView.Attempt(
                        a.attemptedAt(), a.httpStatus(), a.error(), a.responseMs(), a.responseBody()), Collectors.toList())));
        return deliveries.stream().map(d -> new DeliveryView(d.publicId(), d.endpoint().publicId(), d.event().publicId(),
                d.event().type(), d.status(), d.createdAt(), d.nextAttemptAt(), d.deliveredAt(),
                attempts.getOrDefault(d.id(), List.of()))).toList();
    }
}
