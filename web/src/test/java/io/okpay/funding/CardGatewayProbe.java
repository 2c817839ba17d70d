package io.okpay.funding;

import io.okpay.funding.control.CardAuthorisation;
import io.okpay.funding.control.CardChecks;
import io.okpay.funding.control.CardGateway;
import io.okpay.funding.boundary.CardToken;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Test-only resource, in the test server for CardGatewayIT: drives the real {@link CardGateway} bean (with its
 * fault tolerance) from inside the server, against the sandbox acquirer of the same server over real HTTP (through the
 * test's {@link AcquirerProxy}).
 */
@Path("test-card-gateway")
@Produces(MediaType.APPLICATION_JSON)
public class CardGatewayProbe {

    @Inject
    CardGateway gateway;

    /**
     * A setting as shipped: from the application's microprofile-config.properties alone (the test server sets its own
     * values), with ${...} expanded as the application's Config does it; "(none)" when it has no default.
     */
    @GET
    @Path("shipped/{key}")
    @Produces(MediaType.TEXT_PLAIN)
    public String shipped(@PathParam("key") String key) throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/microprofile-config.properties")) {
            shipped.load(in);
        }
        Map<String, String> values = new HashMap<>();
        shipped.stringPropertyNames().forEach(name -> values.put(name, shipped.getProperty(name)));
        ConfigSource source = new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public String getValue(String propertyName) {
                return values.get(propertyName);
            }

            @Override
            public String getName() {
                return "shipped";
            }
        };
        return ConfigProviderResolver.instance().getBuilder().withSources(source).build()
                .getOptionalValue(key, String.class).orElse("(none)");
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
