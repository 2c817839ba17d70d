package io.okpay.checkout.rest;

import io.okpay.checkout.boundary.CheckoutJson;
import io.okpay.checkout.boundary.CheckoutPayments;
import io.okpay.checkout.boundary.PaymentPage;
import io.okpay.checkout.boundary.RefundView;
import io.okpay.checkout.boundary.Refunds;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The calling merchant's payments and their refunds. A refund ({@code POST /payments/{id}/refunds}, Idempotency-Key
 * required) takes {@code amount} (decimal; default what is left) and an optional {@code reason}; refunds never add up
 * to more than was paid (422 refund_exceeds_payment), and need the merchant's balance (422 insufficient_funds).
 * OKPay keeps its fee on a refunded payment. Another merchant's payment is 404, also for its refunds.
 */
@Path("payments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("MERCHANT")
public class PaymentResource {

    @EJB
    CheckoutPayments payments;

    @EJB
    Refunds refunds;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    public record CreateRefund(String amount, String reason) {
    }

    @GET
    public JsonObject list(@QueryParam("limit") @DefaultValue("20") int limit,
                           @QueryParam("starting_after") String startingAfter,
                           @QueryParam("status") String status,
                           @QueryParam("created_from") String from,
                           @QueryParam("created_to") String to) {
        if (limit < 1 || limit > 100) {
            throw BusinessException.invalid(List.of(new FieldError("limit", "limit_invalid", 100)));
        }
        PaymentPage page = payments.list(merchantId(), status, instant(from, "created_from"), instant(to, "created_to"),
                startingAfter, limit);
        JsonArrayBuilder data = Json.createArrayBuilder();
        page.payments().forEach(p -> data.add(CheckoutJson.payment(p)));
        return Json.createObjectBuilder().add("data", data).add("has_more", page.hasMore()).build();
    }

    @GET
    @Path("{id}")
    public JsonObject one(@PathParam("id") String id) {
        return CheckoutJson.payment(payments.find(merchantId(), id));
    }

    @POST
    @Path("{id}/refunds")
    public Response refund(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey,
                           CreateRefund request) {
        CreateRefund body = request == null ? new CreateRefund(null, null) : request;
        RefundView refund = refunds.refund(merchantId(), id, idempotencyKey, body.amount(), body.reason());
        Response.ResponseBuilder response = Response.created(uriInfo.getAbsolutePathBuilder().path(refund.id()).build())
                .entity(CheckoutJson.refund(refund));
        if (refund.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("{id}/refunds")
    public JsonObject refunds(@PathParam("id") String id) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        refunds.of(merchantId(), id).forEach(r -> data.add(CheckoutJson.refund(r)));
        return Json.createObjectBuilder().add("data", data).add("has_more", false).build();
    }

    @GET
    @Path("{id}/refunds/{refund}")
    public JsonObject refund(@PathParam("id") String id, @PathParam("refund") String refundId) {
        return CheckoutJson.refund(refunds.find(merchantId(), id, refundId));
    }

    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid(List.of(new FieldError(field, "datetime_invalid")));
        }
    }

    private String merchantId() {
        return security.getUserPrincipal().getName();
    }
}
