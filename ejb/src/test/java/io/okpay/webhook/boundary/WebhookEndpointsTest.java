package io.okpay.webhook.boundary;

import io.okpay.shared.BusinessException.FieldError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookEndpointsTest {

    @Test
    @DisplayName("receiver URLs: absolute https with a host; http only in sandbox mode; no credentials or fragments")
    void receiverUrls() {
        assertTrue(WebhookEndpoints.isReceiverUrl("https://shop.example/hooks?x=1", false));
        assertTrue(WebhookEndpoints.isReceiverUrl("HTTPS://shop.example:8443/hooks", false));
        assertFalse(WebhookEndpoints.isReceiverUrl("http://shop.example/hooks", false));
        assertTrue(WebhookEndpoints.isReceiverUrl("http://127.0.0.1:9000/hooks", true));
        assertFalse(WebhookEndpoints.isReceiverUrl("ftp://shop.example/hooks", true));
        assertFalse(WebhookEndpoints.isReceiverUrl("/hooks", true));
        assertFalse(WebhookEndpoints.isReceiverUrl("https://", false));
        assertFalse(WebhookEndpoints.isReceiverUrl("https://user:pw@shop.example/hooks", false));
        assertFalse(WebhookEndpoints.isReceiverUrl("https://shop.example/hooks#x", false));
        assertFalse(WebhookEndpoints.isReceiverUrl("https://shop.example/" + "a".repeat(2048), false));
        assertFalse(WebhookEndpoints.isReceiverUrl("https://shop example/", false));
    }

    @Test
    @DisplayName("event filters: known types without duplicates, or * alone")
    void eventTypes() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(List.of("payment.succeeded", "refund.succeeded"),
                WebhookEndpoints.checkedTypes(List.of("payment.succeeded", " refund.succeeded", "payment.succeeded"), errors));
        assertEquals(List.of("*"), WebhookEndpoints.checkedTypes(List.of("*"), errors));
        assertTrue(errors.isEmpty(), errors.toString());
        WebhookEndpoints.checkedTypes(List.of("*", "payment.succeeded"), errors);
        WebhookEndpoints.checkedTypes(List.of("payment.sucseeded"), errors);
        WebhookEndpoints.checkedTypes(List.of(), errors);
        WebhookEndpoints.checkedTypes(null, errors);
        WebhookEndpoints.checkedTypes(Arrays.asList((String) null), errors);
        assertEquals(5, errors.size());
        assertTrue(errors.stream().allMatch(e -> e.field().equals("events") && e.code().equals("webhook_events_invalid")));
    }
}
