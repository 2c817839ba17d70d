package io.okpay.sandbox.acquirer;

import io.okpay.shared.SandboxPart;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.Config;

import java.io.StringReader;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The sandbox processor's HTTP contract (README, "Sandbox acquirer"). Every call needs
 * {@code Authorization: Bearer <okpay.sandbox.api-key>}; authorisations need an {@code Idempotency-Key}. Amounts are
 * whole minor units, like real processors. Answers 404 to everything unless
 * {@code okpay.sandbox.acquirer.enabled=true}.
 */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxAcquirerResource {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    SandboxProcessor processor;

    @Inject
    Config config;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response tokenise(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return answer(authorization, () -> {
            JsonObject card = parse(body);
            SandboxProcessor.Token token = processor.tokenise(text(card, "number"), number(card, "exp_month"),
                    number(card, "exp_year"), text(card, "cvc"), SandboxProcessor.thisMonth());
            return Response.status(201).entity(Json.createObjectBuilder()
                    .add("token", token.id())
                    .add("brand", token.brand().wireName())
                    .add("last4", token.last4())
                    .add("exp_month", token.expMonth())
                    .add("exp_year", token.expYear())
                    .build().toString()).build();
        });
    }

    @POST
    @Path("authorizations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response authorize(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, String body) {
        return answer(authorization, () -> {
            JsonObject request = parse(body);
            SandboxProcessor.Outcome outcome = processor.authorize(idempotencyKey, text(request, "token"),
                    wholeNumber(request, "amount"), text(request, "currency"));
            if (outcome.authorization().card().behaviour() == TestCard.SLOW) {
                // Past the gateway's timeout: the authorisation exists, but OKPay does not hear about it in time.
                sleep(config.getOptionalValue("okpay.sandbox.slow-ms", Long.class).orElse(15_000L));
            }
            return Response.status(outcome.created() ? 201 : 200).entity(json(outcome.authorization())).build();
        });
    }

    @GET
    @Path("authorizations")
    public Response findByIdempotencyKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                         @QueryParam("idempotency_key") String idempotencyKey) {
        return answer(authorization, () -> Response.ok(json(processor.findByIdempotencyKey(idempotencyKey))).build());
    }

    @GET
    @Path("authorizations/{id}")
    public Response find(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return answer(authorization, () -> Response.ok(json(processor.find(id))).build());
    }

    @POST
    @Path("authorizations/{id}/challenge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response challenge(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
                              String body) {
        return answer(authorization,
                () -> Response.ok(json(processor.completeChallenge(id, text(parse(body), "code")))).build());
    }

    @POST
    @Path("authorizations/{id}/capture")
    public Response capture(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @PathParam("id") String id) {
        return answer(authorization, () -> Response.ok(json(processor.capture(idempotencyKey, id))).build());
    }

    @POST
    @Path("authorizations/{id}/void")
    public Response voidAuthorization(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @PathParam("id") String id) {
        return answer(authorization, () -> Response.ok(json(processor.voidAuthorization(idempotencyKey, id))).build());
    }

    private Response answer(String authorization, java.util.function.Supplier<Response> action) {
        if (!uriInfo.getBaseUri().getPath().endsWith("/sandbox/acquirer/")) {
            // OKPay's API application picks up every resource class of the WAR too: it must not answer for the sandbox.
            throw new NotFoundException();
        }
        boolean enabled = SandboxPart.ACQUIRER.on(config);
        String apiKey = config.getOptionalValue("okpay.sandbox.api-key", String.class).orElse("");
        Optional<SandboxError> refusal = refusal(enabled, apiKey, authorization);
        if (refusal.isPresent()) {
            return error(refusal.get());
        }
        try {
            return action.get();
        } catch (SandboxError e) {
            return error(e);
        }
    }

    /** Off unless configured (a 404, as if there were nothing here); then only with the sandbox's API key. */
    static Optional<SandboxError> refusal(boolean enabled, String apiKey, String authorization) {
        if (!enabled) {
            return Optional.of(new SandboxError(404, "not_found", "Not found."));
        }
        byte[] expected = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
        if (apiKey.isEmpty() || authorization == null
                || !MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new SandboxError(401, "unauthorized", "Send Authorization: Bearer <sandbox API key>."));
        }
        return Optional.empty();
    }

    private static Response error(SandboxError e) {
        String body = Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                .add("code", e.code()).add("message", e.getMessage())).build().toString();
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static String json(SandboxProcessor.Authorization authorization) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", authorization.id())
                .add("status", authorization.status())
                .add("amount", authorization.amount())
                .add("currency", authorization.currency())
                .add("created", authorization.created().toString())
                .add("card", Json.createObjectBuilder()
                        .add("brand", authorization.card().brand().wireName())
                        .add("last4", authorization.card().last4()));
        if (authorization.declineCode() != null) {
            json.add("decline_code", authorization.declineCode());
        }
        if (authorization.status().equals("challenge_required")) {
            json.add("challenge", Json.createObjectBuilder()
                    .add("type", "one_time_code")
                    .add("attempts_left", authorization.challengeAttemptsLeft()));
        }
        return json.build().toString();
    }

    private static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new SandboxError(400, "malformed_json", "The body is not a JSON object.");
        }
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }

    private static Integer number(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonNumber number && number.isIntegral() ? number.intValue() : null;
    }

    private static Long wholeNumber(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonNumber number && number.isIntegral() ? number.longValue() : null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
