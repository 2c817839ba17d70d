package io.okpay.funding;

import io.okpay.funding.control.CardAuthorisation;
import io.okpay.funding.control.CardChecks;
import io.okpay.funding.control.CardGateway;
import io.okpay.funding.control.CardToken;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Test-only resource, added to the deployment by CardGatewayIT: drives the real {@link CardGateway} bean (with its
 * fault tolerance) from inside the server, against the sandbox acquirer of the same server over real HTTP.
 */
@Path("test-card-gateway")
@Produces(MediaType.APPLICATION_JSON)
public class CardGatewayProbe {

    @Inject
    CardGateway gateway;

    @Context
    HttpServletRequest request;

    /**
     * Points the gateway at this server's own sandbox. The HTTP port is chosen at random when the test server starts,
     * so it cannot be in the shared test configuration; the gateway reads its address on every call.
     */
    @POST
    @Path("setup")
    public String setup(@QueryParam("timeout-ms") String timeoutMillis) {
        // What the address was before this call, read through a fresh Config (the application's caches values).
        String before = ConfigProviderResolver.instance().getBuilder().addDefaultSources().addDiscoveredSources()
                .forClassLoader(Thread.currentThread().getContextClassLoader()).build()
                .getValue("okpay.card.gateway-url", String.class);
        System.setProperty("okpay.card.gateway-url", "http://127.0.0.1:" + request.getLocalPort() + "/sandbox/acquirer");
        System.setProperty("okpay.card.timeout-ms", timeoutMillis);
        return Json.createObjectBuilder().add("gateway_url_before", before).build().toString();
    }

    @POST
    @Path("tokens")
    public String tokenise(@QueryParam("number") String number, @QueryParam("exp_month") Integer expMonth,
                           @QueryParam("exp_year") Integer expYear, @QueryParam("cvc") String cvc) {
        CardToken token = gateway.tokenise(CardChecks.accept(number, expMonth, expYear, cvc, YearMonth.now(ZoneOffset.UTC)));
        return Json.createObjectBuilder()
                .add("token", token.token())
                .add("brand", token.brand().wireName())
                .add("last4", token.lastFour())
                .add("exp_month", token.expMonth())
                .add("exp_year", token.expYear())
                .build().toString();
    }

    @POST
    @Path("authorizations")
    public String authorise(@QueryParam("key") String key, @QueryParam("token") String token,
                            @QueryParam("amount") long amount, @QueryParam("currency") String currency) {
        return json(gateway.authorise(key, token, amount, currency));
    }

    @POST
    @Path("authorizations/{id}/challenge")
    public String challenge(@PathParam("id") String id, @QueryParam("code") String code) {
        return json(gateway.completeChallenge(id, code));
    }

    @POST
    @Path("authorizations/{id}/capture")
    public String capture(@PathParam("id") String id, @QueryParam("key") String key) {
        return json(gateway.capture(key, id));
    }

    @POST
    @Path("authorizations/{id}/void")
    public String voidAuthorisation(@PathParam("id") String id, @QueryParam("key") String key) {
        return json(gateway.voidAuthorisation(key, id));
    }

    @GET
    @Path("authorizations/{id}")
    public String status(@PathParam("id") String id) {
        return json(gateway.status(id));
    }

    @GET
    @Path("authorizations")
    public String find(@QueryParam("key") String key) {
        return gateway.findByIdempotencyKey(key).map(CardGatewayProbe::json).orElse("{\"found\":false}");
    }

    private static String json(CardAuthorisation authorisation) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", authorisation.id())
                .add("status", authorisation.status().name())
                .add("amount", authorisation.amount())
                .add("currency", authorisation.currency());
        if (authorisation.declined()) {
            json.add("decline_error", authorisation.declineError().code());
        }
        JsonObject built = json.build();
        return built.toString();
    }
}
