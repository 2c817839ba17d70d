package io.okpay.webhook.boundary;

import java.util.List;

/** Deliveries newest first, and whether older ones follow. */
public record DeliveryPage(List<DeliveryView> deliveries, boolean hasMore) {
}
