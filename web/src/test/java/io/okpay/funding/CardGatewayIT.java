package io.okpay.funding;

import org.junit.jupiter.api.parallel.ResourceLock;
import io.okpay.it.Http;
import io.okpay.it.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HttpCardGateway against the sandbox acquirer over real HTTP (through {@link AcquirerProxy}), one test card at a time,
 * through a test-only resource inside the server ({@link CardGatewayProbe}). The slow card runs last: it opens the
 * authorise circuit, and waits until it heals.
 */
@ResourceLock(AcquirerProxy.PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardGatewayIT {

    private static final String EXP_YEAR = String.valueOf(Year.now().getValue() + 3);
    private static final String SANDBOX_KEY = "Bearer sk_sandbox_okpay";
    /** The gateway's read timeout in the test server: short, so the slow card fails quickly. */
    private static final long TIMEOUT_MS = Long.getLong("okpay.it.card.timeout-ms");

    final URL base = TestServer.base();

    Http http;

    static AcquirerProxy proxy;

    @BeforeAll
    static void startProxy() throws IOException {
        proxy = AcquirerProxy.start(TestServer.base());
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    @Test
    @Order(0)
    @DisplayName("as shipped, OKPay names no card processor or SMS provider and every sandbox part is off: a server "
            + "configures them or does not start")
    void shippedDefaults() {
        for (String key : new String[]{"okpay.card.gateway-url", "okpay.card.api-key", "okpay.sms.gateway"}) {
            HttpResponse<String> shipped = http.get(probe("shipped/" + key));
            assertEquals(200, shipped.statusCode(), shipped.body());
            assertEquals("(none)", shipped.body(), key);
        }
        for (String key : new String[]{"okpay.sandbox.acquirer.enabled", "okpay.sandbox.webhook.local-receivers",
                "okpay.sandbox.fx.enabled", "okpay.sandbox.enabled"}) {
            assertEquals("false", http.get(probe("shipped/" + key)).body(), key);
        }
    }

    @Test
    @Order(1)
    @DisplayName("each brand's test card is tokenised, authorised, captured once, and a replayed key authorises once")
    void approvedCards() {
        String[][] cards = {
                {"4242 4242 4242 4242", "visa", "4242", "123"},
                {"5555555555554444", "mastercard", "4444", "123"},
                {"378282246310005", "amex", "0005", "1234"},
                {"6200000000000005", "unionpay", "0005", "123"},
                {"3530111333300000", "jcb", "0000", "123"}};
        for (String[] card : cards) {
            JsonObject token = tokenise(card[0], card[3]);
            assertEquals(card[1], token.getString("brand"));
            assertEquals(card[2], token.getString("last4"));
            assertFalse(token.getString("token").contains(card[0].replace(" ", "")), "the token hides the number");

            String key = key();
            JsonObject authorised = authorise(key, token.getString("token"), 5000, "USD");
            assertEquals("AUTHORISED", authorised.getString("status"));
            assertEquals(5000, authorised.getInt("amount"));
            JsonObject replayed = authorise(key, token.getString("token"), 5000, "USD");
            assertEquals(authorised.getString("id"), replayed.getString("id"), "same key, same authorisation");

            String id = authorised.getString("id");
            String captureKey = key();
            assertEquals("CAPTURED", ok(http.post(probe("authorizations/" + id + "/capture?key=" + captureKey), "")).getString("status"));
            assertEquals("CAPTURED", ok(http.post(probe("authorizations/" + id + "/capture?key=" + captureKey), "")).getString("status"));
            HttpResponse<String> voidAfterCapture = http.post(probe("authorizations/" + id + "/void?key=" + key()), "");
            assertEquals(409, voidAfterCapture.statusCode(), voidAfterCapture.body());
            assertEquals("card_authorisation_state", Http.json(voidAfterCapture).getString("code"));
        }
    }

    @Test
    @Order(2)
    @DisplayName("decline test cards answer DECLINED with the reason people are told")
    void declinedCards() {
        String[][] cards = {
                {"4000000000000101", "card_declined"},
                {"4000000000000200", "card_insufficient_funds"},
                {"4000000000000309", "card_expired"},
                {"4000000000000507", "card_processing_error"}};
        for (String[] card : cards) {
            JsonObject declined = authorise(key(), tokenise(card[0], "123").getString("token"), 1250, "EUR");
            assertEquals("DECLINED", declined.getString("status"), card[0]);
            assertEquals(card[1], declined.getString("decline_error"), card[0]);
            HttpResponse<String> capture = http.post(probe("authorizations/" + declined.getString("id") + "/capture?key=" + key()), "");
            assertEquals(409, capture.statusCode(), "a declined authorisation cannot be captured");
        }
    }

    @Test
    @Order(3)
    @DisplayName("the challenge card needs the one-time code: a wrong one is refused, 123456 authorises")
    void challengeCard() {
        String token = tokenise("4000 0000 0000 0408", "123").getString("token");
        JsonObject challenged = authorise(key(), token, 100000, "JPY");
        assertEquals("CHALLENGE_REQUIRED", challenged.getString("status"));
        String id = challenged.getString("id");
        HttpResponse<String> earlyCapture = http.post(probe("authorizations/" + id + "/capture?key=" + key()), "");
        assertEquals(409, earlyCapture.statusCode(), "nothing is captured before the challenge is passed");

        assertEquals("CHALLENGE_REQUIRED", ok(http.post(probe("authorizations/" + id + "/challenge?code=000000"), "")).getString("status"));
        assertEquals("AUTHORISED", ok(http.post(probe("authorizations/" + id + "/challenge?code=123456"), "")).getString("status"));
        assertEquals("CAPTURED", ok(http.post(probe("authorizations/" + id + "/capture?key=" + key()), "")).getString("status"));

        String failing = authorise(key(), token, 500, "JPY").getString("id");
        JsonObject last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            last = ok(http.post(probe("authorizations/" + failing + "/challenge?code=999999"), ""));
        }
        assertEquals("DECLINED", last.getString("status"));
        assertEquals("card_challenge_failed", last.getString("decline_error"));
    }

    @Test
    @Order(4)
    @DisplayName("authorisations are voided, queried by id and found by idempotency key")
    void voidAndQuery() {
        String key = key();
        String id = authorise(key, tokenise("4242424242424242", "123").getString("token"), 999, "KWD").getString("id");
        String voidKey = key();
        assertEquals("VOIDED", ok(http.post(probe("authorizations/" + id + "/void?key=" + voidKey), "")).getString("status"));
        assertEquals("VOIDED", ok(http.post(probe("authorizations/" + id + "/void?key=" + voidKey), "")).getString("status"));
        assertEquals("VOIDED", ok(http.get(probe("authorizations/" + id))).getString("status"));
        assertEquals(id, ok(http.get(probe("authorizations?key=" + key))).getString("id"));
        assertFalse(ok(http.get(probe("authorizations?key=" + key()))).getBoolean("found", true));
        assertEquals(404, http.get(probe("authorizations/auth_nosuchthing")).statusCode());
    }

    @Test
    @Order(5)
    @DisplayName("a key reused for another amount is refused; bad cards are refused before anything is sent")
    void refusals() {
        String token = tokenise("5555555555554444", "123").getString("token");
        String key = key();
        authorise(key, token, 1000, "GBP");
        HttpResponse<String> conflict = http.post(probe("authorizations?key=" + key + "&token=" + token + "&amount=2000&currency=GBP"), "");
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertEquals("idempotency_conflict", Http.json(conflict).getString("code"));

        HttpResponse<String> luhn = http.post(probe("tokens?number=4242424242424241&exp_month=12&exp_year=" + EXP_YEAR + "&cvc=123"), "");
        assertEquals(400, luhn.statusCode(), luhn.body());
        JsonObject problem = Http.json(luhn);
        assertEquals("card.number", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("card_number_invalid", problem.getJsonArray("errors").getJsonObject(0).getString("code"));

        HttpResponse<String> expired = http.post(probe("tokens?number=4242424242424242&exp_month=1&exp_year=2020&cvc=123"), "",
                "Accept-Language", "zh-CN");
        assertEquals(400, expired.statusCode(), expired.body());
        JsonObject expiredError = Http.json(expired).getJsonArray("errors").getJsonObject(0);
        assertEquals("card_expired", expiredError.getString("code"));
        assertTrue(expiredError.getString("detail").contains("过期"), expiredError.getString("detail"));
    }

    @Test
    @Order(6)
    @DisplayName("the sandbox wants its API key and answers only under /sandbox/acquirer")
    void sandboxContract() {
        String card = "{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":" + EXP_YEAR + ",\"cvc\":\"123\"}";
        assertEquals(401, http.post("/sandbox/acquirer/v1/tokens", card).statusCode());
        assertEquals(401, http.post("/sandbox/acquirer/v1/tokens", card, "Authorization", "Bearer wrong").statusCode());
        HttpResponse<String> created = http.post("/sandbox/acquirer/v1/tokens", card, "Authorization", SANDBOX_KEY);
        assertEquals(201, created.statusCode(), created.body());
        assertFalse(created.body().contains("4242424242424242"));

        HttpResponse<String> noKey = http.post("/sandbox/acquirer/v1/authorizations",
                "{\"token\":\"" + Http.json(created).getString("token") + "\",\"amount\":100,\"currency\":\"USD\"}",
                "Authorization", SANDBOX_KEY);
        assertEquals(400, noKey.statusCode());
        assertEquals("idempotency_key_required", Http.json(noKey).getJsonObject("error").getString("code"));

        HttpResponse<String> underApi = http.post("/api/v1/v1/tokens", card, "Authorization", SANDBOX_KEY);
        assertEquals(404, underApi.statusCode(), underApi.body());
        assertEquals("application/problem+json;charset=UTF-8", underApi.headers().firstValue("Content-Type").orElseThrow());

        String openApi = http.get("/openapi").body();
        assertTrue(openApi.contains("url: /api/v1") && openApi.contains("  /currencies:"), openApi);
        assertFalse(openApi.contains("/v1/tokens"), "the sandbox is not part of OKPay's API description: " + openApi);
    }

    @Test
    @Order(99)
    @DisplayName("the slow card times out after authorisation: reconciled by key and voided; the circuit opens, then heals")
    void slowCardTimeoutAndCircuit() throws InterruptedException {
        String token = tokenise("4000000000000606", "123").getString("token");
        String key = key();
        long started = System.nanoTime();
        HttpResponse<String> slow = http.post(probe("authorizations?key=" + key + "&token=" + token + "&amount=700&currency=USD"), "");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(503, slow.statusCode(), slow.body());
        assertEquals("card_gateway_unavailable", Http.json(slow).getString("code"));
        assertTrue(took.toMillis() >= TIMEOUT_MS, "waited for the timeout: " + took);

        // The processor did authorise: find it by the key and release it, so nothing stays held on the card.
        JsonObject found = ok(http.get(probe("authorizations?key=" + key)));
        assertEquals("AUTHORISED", found.getString("status"));
        assertEquals(700, found.getInt("amount"));
        assertEquals("VOIDED", ok(http.post(probe("authorizations/" + found.getString("id") + "/void?key=" + key()), "")).getString("status"));

        assertEquals(503, http.post(probe("authorizations?key=" + key() + "&token=" + token + "&amount=700&currency=USD"), "").statusCode());

        String good = tokenise("4242424242424242", "123").getString("token");
        started = System.nanoTime();
        HttpResponse<String> refused = http.post(probe("authorizations?key=" + key() + "&token=" + good + "&amount=700&currency=USD"), "");
        took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(503, refused.statusCode(), "the circuit is open: even a good card is not sent");
        assertEquals("card_gateway_unavailable", Http.json(refused).getString("code"));
        assertTrue(took.toMillis() < TIMEOUT_MS, "failed at once, without waiting for the processor: " + took);

        Thread.sleep(11_000);
        JsonObject healed = authorise(key(), good, 700, "USD");
        assertEquals("AUTHORISED", healed.getString("status"), "after the circuit's delay a call goes through again");
    }

    private JsonObject tokenise(String number, String cvc) {
        return ok(http.post(probe("tokens?number=" + number.replace(" ", "+") + "&exp_month=12&exp_year=" + EXP_YEAR + "&cvc=" + cvc), ""));
    }

    private JsonObject authorise(String key, String token, long amount, String currency) {
        return ok(http.post(probe("authorizations?key=" + key + "&token=" + token + "&amount=" + amount + "&currency=" + currency), ""));
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private static String probe(String path) {
        return "/api/v1/test-card-gateway/" + path;
    }

    private static String key() {
        return "it-" + UUID.randomUUID();
    }
}
