package io.okpay.checkout.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;

/**
 * The API representation of sessions, payments and refunds: what GET answers and what webhook events carry as
 * {@code data}, from one place so the two never differ. Amounts are decimal strings with the currency.
 */
public final class CheckoutJson {

    private CheckoutJson() {
    }

    public static JsonObject session(SessionView s) {
        JsonObjectBuilder metadata = Json.createObjectBuilder();
        s.metadata().forEach(metadata::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", s.id())
                .add("object", "checkout.session")
                .add("status", s.status().name().toLowerCase())
                .add("amount", s.amount().toDecimal())
                .add("currency", s.amount().currency());
        optional(json, "merchant_reference", s.merchantReference());
        optional(json, "description", s.description());
        json.add("url", s.url()).add("success_url", s.successUrl()).add("cancel_url", s.cancelUrl());
        optional(json, "customer_email", s.customerEmail());
        json.add("metadata", metadata);
        optional(json, "payment", s.paymentId());
        return json.add("created", time(s.createdAt())).add("expires_at", time(s.expiresAt())).build();
    }

    public static JsonObject payment(PaymentView p) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", p.id())
                .add("object", "payment")
                .add("status", p.status())
                .add("amount", p.amount().toDecimal())
                .add("currency", p.amount().currency())
                .add("fee", p.fee().toDecimal())
                .add("net", p.net().toDecimal())
                .add("amount_refunded", p.refunded().toDecimal())
                .add("checkout_session", p.sessionId());
        optional(json, "merchant_reference", p.merchantReference());
        optional(json, "description", p.description());
        return json.add("payer_email", p.payerEmail()).add("created", time(p.createdAt())).build();
    }

    public static JsonObject refund(RefundView r) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", r.id())
                .add("object", "refund")
                .add("status", "succeeded")
                .add("payment", r.paymentId())
                .add("amount", r.amount().toDecimal())
                .add("currency", r.amount().currency());
        optional(json, "reason", r.reason());
        return json.add("created", time(r.createdAt())).build();
    }

    /** A payment link: {@code amount} null for an open amount; {@code status} active, inactive, expired or sold_out. */
    public static JsonObject paymentLink(PaymentLinkView l) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", l.id())
                .add("object", "payment_link")
                .add("status", l.status().name().toLowerCase())
                .add("active", l.status() == PaymentLinkStatus.ACTIVE);
        optional(json, "amount", l.amount() == null ? null : l.amount().toDecimal());
        json.add("currency", l.currency()).add("description", l.description());
        if (l.quantityLimit() == null) {
            json.addNull("quantity_limit");
        } else {
            json.add("quantity_limit", l.quantityLimit());
        }
        json.add("payments_count", l.paid());
        optional(json, "expires_at", l.expiresAt() == null ? null : time(l.expiresAt()));
        return json.add("url", l.url()).add("qr_code_url", l.qrUrl()).add("created", time(l.createdAt())).build();
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static String time(Instant at) {
        return at.toString();
    }
}
