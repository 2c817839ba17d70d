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
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("MERCHANT")
public class PaymentLinkResource {

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
    public Response create(CreateLink request) {
        CreateLink body = request == null ? new CreateLink(null, null, null, null, null) : request;
        PaymentLinkView created = links.create(merchantId(), new PaymentLinkRequest(body.amount(), body.currency(),
                body.description(), body.quantity_limit(), instant(body.expires_at())));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build())
                .entity(CheckoutJson.paymentLink(created)).build();
    }

    @GET
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
    public JsonObject one(@PathParam("id") String id) {
        return CheckoutJson.paymentLink(links.find(merchantId(), id));
    }

    @POST
    @Path("{id}/deactivate")
    public JsonObject deactivate(@PathParam("id") String id) {
        return CheckoutJson.paymentLink(links.deactivate(merchantId(), id));
    }

    @GET
    @Path("{id}/payments")
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
