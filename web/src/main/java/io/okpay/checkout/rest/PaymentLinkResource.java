package io.okpay.checkout.rest;

import io.okpay.checkout.boundary.CheckoutJson;
import io.okpay.checkout.boundary.PaymentLinkPage;
import io.okpay.checkout.boundary.PaymentLinkRequest;
import io.okpay.checkout.boundary.PaymentLinkView;
import io.okpay.checkout.boundary.PaymentLinks;
import io.okpay.checkout.boundary.PaymentPage;
import io.okpay.checkout.boundary.SessionView;
import io.okpay.shared.IdempotencyKey;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.web.QrCodes;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Payment links of the calling merchant (a MERCHANT token): create (fixed {@code amount}, or none for an open amount;
 * {@code currency}, {@code description}, optional {@code quantity_limit} and {@code expires_at}), list, read,
 * deactivate, and the link's payments. Another merchant's link is 404. The link's {@code url} is its public page,
 * where anyone with an OKPay account pays it through checkout; {@code qr_code_url} is a QR code of that url (public).
 */
@Path("payment_links")
@Tag(name = "Payment links")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("MERCHANT")
public class PaymentLinkResource {

    private static final String PROBLEM = "application/problem+json";

    @EJB
    PaymentLinks links;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    /** Amount as a decimal string (none: the payer chooses); expires_at ISO-8601 UTC. */
    public record CreateLink(String amount, String currency, String description, Integer quantity_limit,
                             String expires_at) {
    }

    @POST
    @Operation(operationId = "createPaymentLink", summary = "Create a payment link: a fixed amount, or none for an "
            + "open amount the payer chooses (validated against the currency's decimals)")
    @APIResponse(responseCode = "201", description = "The new link, active; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "invalid_request (fields: amount, currency, description, "
            + "quantity_limit, expires_at) or malformed_json", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "unauthorized", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "merchant_not_live", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "rate_limited", content = @Content(mediaType = PROBLEM))
    public Response create(CreateLink request) {
        CreateLink body = request == null ? new CreateLink(null, null, null, null, null) : request;
        PaymentLinkView created = links.create(merchantId(), new PaymentLinkRequest(body.amount(), body.currency(),
                body.description(), body.quantity_limit(), instant(body.expires_at())));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build())
                .entity(CheckoutJson.paymentLink(created)).build();
    }

    @GET
    @Operation(operationId = "listPaymentLinks", summary = "The merchant's payment links, newest first; limit up to "
            + "100, starting_after a link id")
    @APIResponse(responseCode = "200", description = "{data: [payment_link], has_more}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "invalid_request (limit, starting_after)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "unauthorized", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "rate_limited", content = @Content(mediaType = PROBLEM))
    public JsonObject list(@QueryParam("limit") @DefaultValue("20") int limit,
                           @QueryParam("starting_after") String startingAfter) {
        checkLimit(limit);
        PaymentLinkPage page = links.list(merchantId(), startingAfter, limit);
        JsonArrayBuilder data = Json.createArrayBuilder();
        page.links().forEach(l -> data.add(CheckoutJson.paymentLink(l)));
        return Json.createObjectBuilder().add("data", data).add("has_more", page.hasMore()).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPaymentLink", summary = "One of the merchant's payment links, with its status and "
            + "payments_count (404 for anyone else's)")
    @APIResponse(responseCode = "200", description = "The link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "401", description = "unauthorized", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "rate_limited", content = @Content(mediaType = PROBLEM))
    public JsonObject one(@PathParam("id") String id) {
        return CheckoutJson.paymentLink(links.find(merchantId(), id));
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(operationId = "deactivatePaymentLink", summary = "Stop a payment link: nobody can pay it from now on "
            + "(its page says so); deactivating again changes nothing")
    @APIResponse(responseCode = "200", description = "The link, status inactive",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "401", description = "unauthorized", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "rate_limited", content = @Content(mediaType = PROBLEM))
    public JsonObject deactivate(@PathParam("id") String id) {
        return CheckoutJson.paymentLink(links.deactivate(merchantId(), id));
    }

    @GET
    @Path("{id}/payments")
    @Operation(operationId = "listPaymentLinkPayments", summary = "The payments made through one payment link, newest "
            + "first; limit up to 100, starting_after a payment id")
    @APIResponse(responseCode = "200", description = "{data: [payment], has_more}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "invalid_request (limit, starting_after)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "unauthorized", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "rate_limited", content = @Content(mediaType = PROBLEM))
    public JsonObject payments(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("20") int limit,
                               @QueryParam("starting_after") String startingAfter) {
        checkLimit(limit);
        PaymentPage page = links.payments(merchantId(), id, startingAfter, limit);
        JsonArrayBuilder data = Json.createArrayBuilder();
        page.payments().forEach(p -> data.add(CheckoutJson.payment(p)));
        return Json.createObjectBuilder().add("data", data).add("has_more", page.hasMore()).build();
    }

    /** For an open amount, the amount the payer chooses (decimal string); ignored for a fixed amount. */
    public record StartPayment(String amount) {
    }

    @POST
    @Path("{id}/checkout_sessions")
    @RolesAllowed("USER")
    @Operation(operationId = "startPaymentLinkCheckout", summary = "A payer (USER token) starts paying a payment link: "
            + "a checkout session of their own (Idempotency-Key required), then POST /checkout/sessions/{id}/pay")
    @APIResponse(responseCode = "201", description = "The payer's checkout session: id, amount, currency, url",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "invalid_request (amount: more decimals than the currency has, "
            + "not positive) or idempotency_key_invalid", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "unauthorized", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "merchant_not_live", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "payment_link_inactive, payment_link_expired, "
            + "payment_link_sold_out or idempotency_conflict", content = @Content(mediaType = PROBLEM))
    public Response startCheckout(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                  StartPayment request) {
        String key = IdempotencyKey.of(idempotencyKey);
        SessionView session = links.checkout(id, security.getUserPrincipal().getName() + ":" + key,
                request == null ? null : request.amount());
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder()
                .add("id", session.id())
                .add("object", "checkout.session.public")
                .add("status", session.status().name().toLowerCase())
                .add("amount", session.amount().toDecimal())
                .add("currency", session.amount().currency())
                .add("payment_link", id)
                .add("url", session.url())
                .add("expires_at", session.expiresAt().toString())
                .build()).build();
    }

    @GET
    @Path("{id}/qr.svg")
    @PermitAll
    @Produces("image/svg+xml")
    @Operation(operationId = "getPaymentLinkQrCode", summary = "A QR code (SVG) of the payment link's public page; "
            + "no token needed")
    @APIResponse(responseCode = "200", description = "The QR code", content = @Content(mediaType = "image/svg+xml"))
    @APIResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = PROBLEM))
    public Response qrCode(@PathParam("id") String id) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(QrCodes.svg(links.forPage(id).url())).cacheControl(cache).build();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 100) {
            throw BusinessException.invalid(List.of(new FieldError("limit", "limit_invalid", 100)));
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid(List.of(new FieldError("expires_at", "date_time_invalid")));
        }
    }

    private String merchantId() {
        return security.getUserPrincipal().getName();
    }
}
