package io.okpay.checkout.rest;

import io.okpay.checkout.boundary.CheckoutJson;
import io.okpay.checkout.boundary.CheckoutSessions;
import io.okpay.checkout.boundary.SessionPage;
import io.okpay.checkout.boundary.SessionRequest;
import io.okpay.checkout.boundary.SessionView;
import io.okpay.shared.BusinessException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/**
 * Checkout sessions of the calling merchant (a MERCHANT token; the merchant is the token's subject). {@code POST}
 * needs an {@code Idempotency-Key}: the same key and body answer the first session (header Idempotent-Replayed), the
 * same key with another body is 409 idempotency_conflict. Send the payer to the session's {@code url}; they come back
 * to {@code success_url?session_id=cs_...} once paid, or to {@code cancel_url}. Another merchant's session is 404.
 */
@Path("checkout/sessions")
@Tag(name = "Checkout")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("MERCHANT")
public class CheckoutSessionResource {

    @EJB
    CheckoutSessions sessions;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    /** Amount as a decimal string; metadata a flat map of strings (at most 20 keys, 40/500 characters). */
    public record CreateSession(String amount, String currency, String merchant_reference, String description,
                                String success_url, String cancel_url, String customer_email,
                                Map<String, Object> metadata) {
    }

    @POST
    @Operation(summary = "Create a checkout session (Idempotency-Key required); send the payer to its url")
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, CreateSession request) {
        CreateSession body = request == null ? new CreateSession(null, null, null, null, null, null, null, null) : request;
        SessionView created = sessions.create(merchantId(), idempotencyKey, new SessionRequest(body.amount(),
                body.currency(), body.merchant_reference(), body.description(), body.success_url(), body.cancel_url(),
                body.customer_email(), body.metadata()));
        Response.ResponseBuilder response = Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build())
                .entity(CheckoutJson.session(created));
        if (created.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the merchant's checkout sessions (404 for anyone else's)")
    public JsonObject one(@PathParam("id") String id) {
        return CheckoutJson.session(sessions.find(merchantId(), id));
    }

    @GET
    @Operation(summary = "The merchant's checkout sessions, newest first; limit up to 100, starting_after a session id")
    public JsonObject list(@QueryParam("limit") @DefaultValue("20") int limit,
                           @QueryParam("starting_after") String startingAfter) {
        if (limit < 1 || limit > 100) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("limit", "limit_invalid", 100)));
        }
        SessionPage page = sessions.list(merchantId(), startingAfter, limit);
        JsonArrayBuilder data = Json.createArrayBuilder();
        page.sessions().forEach(s -> data.add(CheckoutJson.session(s)));
        return Json.createObjectBuilder().add("data", data).add("has_more", page.hasMore()).build();
    }

    @POST
    @Path("{id}/expire")
    @Operation(summary = "End an open checkout session now: it can no longer be paid (409 session_not_open otherwise)")
    public JsonObject expire(@PathParam("id") String id) {
        return CheckoutJson.session(sessions.expire(merchantId(), id));
    }

    private String merchantId() {
        return security.getUserPrincipal().getName();
    }
}
