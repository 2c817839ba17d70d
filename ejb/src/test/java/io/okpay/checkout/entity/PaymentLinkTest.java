package io.okpay.checkout.entity;

import io.okpay.checkout.boundary.PaymentLinkStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PaymentLinkTest {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    static PaymentLink link(Integer quantity, Instant expiresAt) {
        return new PaymentLink("plink_1", "mch_1", 1250L, "EUR", "Tea", quantity, expiresAt, NOW.minusSeconds(3600));
    }

    @Test
    @DisplayName("active until its expiry (exclusive) and its quantity; switched off wins over everything")
    void status() {
        assertEquals(PaymentLinkStatus.ACTIVE, link(null, null).status(1_000_000, NOW));
        assertEquals(PaymentLinkStatus.ACTIVE, link(2, NOW.plusMillis(1)).status(1, NOW));
        assertEquals(PaymentLinkStatus.EXPIRED, link(2, NOW).status(0, NOW), "the expiry itself is past");
        assertEquals(PaymentLinkStatus.SOLD_OUT, link(2, null).status(2, NOW));
        assertEquals(PaymentLinkStatus.EXPIRED, link(2, NOW.minusSeconds(1)).status(2, NOW), "expired before used up");
        PaymentLink off = link(2, NOW.minusSeconds(1));
        off.deactivate(NOW);
        off.deactivate(NOW.plusSeconds(5));
        assertEquals(PaymentLinkStatus.INACTIVE, off.status(2, NOW));
        assertEquals(NOW, off.deactivatedAt(), "the first deactivation's time stays");
    }

    @Test
    @DisplayName("each status that refuses a payment has its error code; active has none")
    void refusals() {
        assertNull(PaymentLinkStatus.ACTIVE.refusal());
        assertEquals("payment_link_inactive", PaymentLinkStatus.INACTIVE.refusal());
        assertEquals("payment_link_expired", PaymentLinkStatus.EXPIRED.refusal());
        assertEquals("payment_link_sold_out", PaymentLinkStatus.SOLD_OUT.refusal());
    }
}
