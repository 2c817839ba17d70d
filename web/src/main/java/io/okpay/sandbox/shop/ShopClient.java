package io.okpay.sandbox.shop;

import io.okpay.checkout.boundary.DemoShop;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The demo shop's server talking to OKPay's merchant API over HTTP, as any shop's server would: the API key is
 * exchanged for a MERCHANT token (kept until shortly before it expires), sessions are created and read with it.
 * OKPay's address is {@code okpay.sandbox.shop.api-url}, by default {@code okpay.base-url}, read on every call.
 */
@ApplicationScoped
public class ShopClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What OKPay answered: the status and the JSON body (empty when there was none). */
    public record Answer(int status, JsonObject body) {
    }

    /** OKPay could not be reached or answered something a shop cannot use. */
    public static class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Token(String value, String clientId, Instant renewAt) {
    }

    @EJB
    DemoShop shop;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Token token;

    /** A new checkout session for the item; the idempotency key is new for every press of Buy. */
    public Answer createSession(String amount, String currency, String description, String successUrl,
                                String cancelUrl) throws Unavailable {
        String body = Json.createObjectBuilder().add("amount", amount).add("currency", currency)
                .add("merchant_reference", "demo-" + UUID.randomUUID().toString().substring(0, 8))
                .add("description", description).add("success_url", successUrl).add("cancel_url", cancelUrl)
                .build().toString();
        return call(() -> HttpRequest.newBuilder(api("/api/v1/checkout/sessions"))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The shop's session, as OKPay has it now (404 when it is not this shop's). */
    public Answer session(String sessionId) throws Unavailable {
        return call(() -> HttpRequest.newBuilder(api("/api/v1/checkout/sessions/"
                + URLEncoder.encode(sessionId, StandardCharsets.UTF_8))).GET());
    }

    private interface RequestMaker {
        HttpRequest.Builder make();
    }

    /** One API call with the token; a 401 (token expired early, key revoked) gets a new token and one more try. */
    private Answer call(RequestMaker request) throws Unavailable {
        Answer answer = send(request.make().header("Authorization", "Bearer " + token(false).value()));
        if (answer.status() == 401) {
            answer = send(request.make().header("Authorization", "Bearer " + token(true).value()));
        }
        return answer;
    }

    private synchronized Token token(boolean renew) throws Unavailable {
        Token current = token;
        if (!renew && current != null && Instant.now().isBefore(current.renewAt())) {
            return current;
        }
        DemoShop.Credentials credentials = shop.credentials();
        Answer granted = exchange(credentials);
        if (granted.status() == 401) {
            // Another instance (or a later start) revoked this instance's key: this instance makes itself a new one.
            credentials = shop.renewKey(credentials.clientId());
            granted = exchange(credentials);
        }
        if (granted.status() != 200) {
            throw new Unavailable("OKPay refused the demo shop's key: " + granted.status(), null);
        }
        long lifetime = granted.body().getJsonNumber("expires_in").longValue();
        token = new Token(granted.body().getString("access_token"), credentials.clientId(),
                Instant.now().plusSeconds(Math.max(0, lifetime - 60)));
        return token;
    }

    private Answer exchange(DemoShop.Credentials credentials) throws Unavailable {
        String basic = Base64.getEncoder().encodeToString((credentials.clientId() + ":" + credentials.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(api("/api/v1/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    private Answer send(HttpRequest.Builder request) throws Unavailable {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonObject body = Json.createObjectBuilder().build();
            if (response.body() != null && response.body().startsWith("{")) {
                try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                    body = reader.readObject();
                }
            }
            return new Answer(response.statusCode(), body);
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("OKPay's API did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }

    private URI api(String path) {
        String base = ConfigProvider.getConfig().getOptionalValue("okpay.sandbox.shop.api-url", String.class)
                .orElse(shop.baseUrl());
        return URI.create(base.replaceAll("/+$", "") + path);
    }
}
