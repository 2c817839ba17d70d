package io.okpay.checkout.rest;

import io.okpay.checkout.boundary.CheckoutJson;
import io.okpay.checkout.boundary.CheckoutPayments;
import io.okpay.checkout.boundary.CheckoutSessions;
import io.okpay.checkout.boundary.PaymentView;
import io.okpay.checkout.boundary.SessionPage;
import io.okpay.checkout.boundary.SessionRequest;
import io.okpay.checkout.boundary.SessionView;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.shared.BusinessException;
import io.okpay.shared.IdempotencyKey;
import io.okpay.shared.Messages;
import io.okpay.shared.rest.Problems;
import io.okpay.identity.boundary.StepUpRequired;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Checkout sessions of the calling merchant (a MERCHANT token; the merchant is the token's subject). {@code POST}
 * needs an {@code Idempotency-Key}: the same key and body answer the first session (header Idempotent-Replayed), the
 * same key with another body is 409 idempotency_conflict. Send the payer to the session's {@code url}; they come back
 * to {@code success_url?session_id=cs_...} once paid, or to {@code cancel_url}. Another merchant's session is 404.
 * <p>
 * Payers (a USER token) have two calls here, for apps: {@code GET {id}/public}, what the checkout page shows, and
 * {@code POST {id}/pay}, the checkout page's payment from the balance in the session's currency.
 */
@Path("checkout/sessions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("MERCHANT")
public class CheckoutSessionResource {

    @EJB
    CheckoutSessions sessions;

    @EJB
    CheckoutPayments payments;

    @EJB
    Merchants merchants;

    @Context
    HttpServletRequest http;

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
    public JsonObject one(@PathParam("id") String id) {
        return CheckoutJson.session(sessions.find(merchantId(), id));
    }

    @GET
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
    public JsonObject expire(@PathParam("id") String id) {
        return CheckoutJson.session(sessions.expire(merchantId(), id));
    }

    /** The one-time code a step-up asked for: {@code challenge_id} from the 403 step_up_required, and the code. */
    public record PayRequest(String challenge_id, String code) {
    }

    @GET
    @Path("{id}/public")
    @RolesAllowed("USER")
    public JsonObject review(@PathParam("id") String id) {
        SessionView session = sessions.forCheckout(id);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", session.id())
                .add("object", "checkout.session.public")
                .add("status", session.status().name().toLowerCase())
                .add("merchant_name", merchants.require(session.merchantId()).businessName())
                .add("amount", session.amount().toDecimal())
                .add("currency", session.amount().currency());
        optional(json, "description", session.description());
        optional(json, "merchant_reference", session.merchantReference());
        return json.add("expires_at", session.expiresAt().toString()).build();
    }

    /**
     * Pays an open session from the caller's balance in its currency: the checkout page's own payment (keyed by the
     * session, so duplicates and retries pay once and answer the same payment). A one-time code, when needed, is
     * asked for as POST /transfers does: 403 step_up_required with challenge_id, then the same call with both.
     */
    @POST
    @Path("{id}/pay")
    @RolesAllowed("USER")
    public Response pay(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey,
                        PayRequest request) {
        IdempotencyKey.of(idempotencyKey);
        PayRequest body = request == null ? new PayRequest(null, null) : request;
        PaymentView paid;
        try {
            paid = payments.pay(security.getUserPrincipal().getName(), id, body.challenge_id(), body.code());
        } catch (StepUpRequired e) {
            return Problems.of(e, Messages.supported(http.getLocale()),
                    Json.createObjectBuilder().add("challenge_id", e.challengeId()).build());
        }
        SessionView session = sessions.forCheckout(id);
        String success = session.successUrl();
        return Response.ok(Json.createObjectBuilder()
                .add("id", paid.id())
                .add("object", "payment")
                .add("status", paid.status())
                .add("checkout_session", paid.sessionId())
                .add("merchant_name", merchants.require(session.merchantId()).businessName())
                .add("amount", paid.amount().toDecimal())
                .add("currency", paid.amount().currency())
                .add("return_url", success + (success.contains("?") ? "&" : "?") + "session_id="
                        + URLEncoder.encode(paid.sessionId(), StandardCharsets.UTF_8))
                .add("created", paid.createdAt().toString())
                .build()).build();
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private String merchantId() {
        return security.getUserPrincipal().getName();
    }
}
