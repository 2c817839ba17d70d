package io.okpay.webhook;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.People.Person;
import io.okpay.it.TestServer;
import io.okpay.webhook.control.Signatures;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.okpay.it.ProblemAssertions.assertFieldError;
import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook endpoints through the API, and events published as checkout, refunds and payouts publish them, delivered
 * signed to a real HTTP receiver in this test: filters, retries, giving up, the breaker, the delivery log, re-sends.
 * arquillian.xml sets a 1 s retry base, a 2 s cap and a breaker that opens after 3 failures for 6 s.
 */
// Its tests share nothing but the server: they run side by side too.
@Execution(ExecutionMode.CONCURRENT)
@Order(6)
class WebhookIT {

    static WebhookReceiver receiver;

    final URL base = TestServer.base();

    Http http;

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    record Shop(String id, String token, Person owner) {
    }

    // ---- the tests ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("endpoints: create shows the secret once, list, read, change, disable, rotate, delete; bad input named by field")
    void endpoints() {
        Shop shop = shop();
        HttpResponse<String> created = post(shop, "/api/v1/webhook_endpoints", """
                {"url":"https://shop.example/hooks","events":["payment.succeeded","refund.succeeded"],"description":"orders"}""");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject endpoint = Http.json(created);
        String id = endpoint.getString("id");
        assertTrue(id.startsWith("we_"), created.body());
        assertTrue(endpoint.getString("secret").startsWith("whsec_"), created.body());
        assertEquals("enabled", endpoint.getString("status"));
        assertEquals("[\"payment.succeeded\",\"refund.succeeded\"]", endpoint.getJsonArray("events").toString());
        assertEquals("orders", endpoint.getString("description"));
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/webhook_endpoints/" + id));

        JsonObject read = Http.json(get(shop, "/api/v1/webhook_endpoints/" + id));
        assertFalse(read.containsKey("secret"), "the secret is shown once: " + read);
        assertEquals("https://shop.example/hooks", read.getString("url"));
        JsonArray list = Http.json(get(shop, "/api/v1/webhook_endpoints")).getJsonArray("data");
        assertEquals(1, list.size());
        assertFalse(list.getJsonObject(0).containsKey("secret"));

        HttpResponse<String> changed = post(shop, "/api/v1/webhook_endpoints/" + id, """
                {"events":["*"],"enabled":false}""");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("disabled", Http.json(changed).getString("status"));
        assertEquals("[\"*\"]", Http.json(changed).getJsonArray("events").toString());
        assertEquals("https://shop.example/hooks", Http.json(changed).getString("url"), "left out, left alone");
        assertEquals("orders", Http.json(changed).getString("description"));

        HttpResponse<String> rotated = post(shop, "/api/v1/webhook_endpoints/" + id + "/rotate_secret", "");
        assertEquals(200, rotated.statusCode(), rotated.body());
        assertTrue(Http.json(rotated).getString("secret").startsWith("whsec_"));
        assertNotEquals(endpoint.getString("secret"), Http.json(rotated).getString("secret"));

        assertFieldError(post(shop, "/api/v1/webhook_endpoints", """
                {"url":"ftp://shop.example/hooks","events":["*"]}"""), "url", "webhook_url_invalid_sandbox");
        assertFieldError(post(shop, "/api/v1/webhook_endpoints", """
                {"url":"/hooks","events":["*"]}"""), "url", "webhook_url_invalid_sandbox");
        assertFieldError(post(shop, "/api/v1/webhook_endpoints", """
                {"url":"https://shop.example/hooks","events":["payment.sucseeded"]}"""), "events", "webhook_events_invalid");
        assertFieldError(post(shop, "/api/v1/webhook_endpoints", """
                {"url":"https://shop.example/hooks","events":[]}"""), "events", "webhook_events_invalid");
        assertFieldError(post(shop, "/api/v1/webhook_endpoints/" + id, """
                {"url":"https://"}"""), "url", "webhook_url_invalid_sandbox");

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(http.uri("/api/v1/webhook_endpoints/" + id)).DELETE(),
                auth(shop));
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(404, get(shop, "/api/v1/webhook_endpoints/" + id).statusCode());
        assertEquals(0, Http.json(get(shop, "/api/v1/webhook_endpoints")).getJsonArray("data").size());

        for (int i = 0; i < 16; i++) {
            assertEquals(201, post(shop, "/api/v1/webhook_endpoints", """
                    {"url":"https://shop.example/hooks/%d","events":["*"]}""".formatted(i)).statusCode());
        }
        HttpResponse<String> tooMany = post(shop, "/api/v1/webhook_endpoints", """
                {"url":"https://shop.example/hooks/17","events":["*"]}""");
        assertEquals(422, tooMany.statusCode(), tooMany.body());
        assertEquals("webhook_endpoint_limit", Http.json(tooMany).getString("code"));
        assertTrue(Http.json(tooMany).getString("detail").contains("16"), tooMany.body());
    }

    @Test
    @DisplayName("another merchant's endpoints, deliveries and events are 404; a person's token is 403; no token 401")
    void onlyTheMerchantsOwn() {
        Shop owner = shop();
        Shop other = shop();
        String endpoint = createEndpoint(owner, "bola", "[\"*\"]").getString("id");
        String eventId = publish(owner, "payment.succeeded", "pay_" + UUID.randomUUID());
        JsonObject delivery = awaitDeliveries(owner, endpoint, 1, d -> d.getString("status").equals("delivered")).get(0);

        assertEquals(404, get(other, "/api/v1/webhook_endpoints/" + endpoint).statusCode());
        assertEquals("not_found", Http.json(get(other, "/api/v1/webhook_endpoints/" + endpoint)).getString("code"));
        assertEquals(404, post(other, "/api/v1/webhook_endpoints/" + endpoint, "{\"enabled\":false}").statusCode());
        assertEquals(404, post(other, "/api/v1/webhook_endpoints/" + endpoint + "/rotate_secret", "").statusCode());
        assertEquals(404, http.send(HttpRequest.newBuilder(http.uri("/api/v1/webhook_endpoints/" + endpoint)).DELETE(),
                auth(other)).statusCode());
        assertEquals(404, get(other, "/api/v1/webhook_endpoints/" + endpoint + "/deliveries").statusCode());
        assertEquals(404, get(other, "/api/v1/events/" + eventId).statusCode());
        assertEquals(404, get(other, "/api/v1/webhook_deliveries/" + delivery.getString("id")).statusCode());
        assertEquals(404, post(other, "/api/v1/webhook_deliveries/" + delivery.getString("id") + "/resend", "").statusCode());
        assertEquals(0, Http.json(get(other, "/api/v1/webhook_endpoints")).getJsonArray("data").size());
        assertEquals(200, get(owner, "/api/v1/webhook_endpoints/" + endpoint).statusCode(), "still there for its owner");
        assertEquals("enabled", Http.json(get(owner, "/api/v1/webhook_endpoints/" + endpoint)).getString("status"));

        String[] personAuth = {"Authorization", "Bearer " + owner.owner().token()};
        HttpResponse<String> asPerson = http.get("/api/v1/webhook_endpoints", personAuth);
        assertEquals(403, asPerson.statusCode(), asPerson.body());
        assertEquals("forbidden", Http.json(asPerson).getString("code"));
        assertEquals(403, http.post("/api/v1/webhook_endpoints", "{\"url\":\"https://x.example\",\"events\":[\"*\"]}",
                personAuth).statusCode());
        assertEquals(403, http.get("/api/v1/events/" + eventId, personAuth).statusCode());
        assertEquals(401, http.get("/api/v1/webhook_endpoints").statusCode());
    }

    @Test
    @DisplayName("a signed event reaches every endpoint listening to its type, once per event id; the signature verifies, a tampered body does not")
    void signedDeliveryAndFilter() {
        Shop shop = shop();
        String onlyPayments = "pay-" + UUID.randomUUID();
        String everything = "all-" + UUID.randomUUID();
        String disabled = "off-" + UUID.randomUUID();
        JsonObject payments = createEndpoint(shop, onlyPayments, "[\"payment.succeeded\"]");
        JsonObject all = createEndpoint(shop, everything, "[\"*\"]");
        String off = createEndpoint(shop, disabled, "[\"*\"]").getString("id");
        assertEquals(200, post(shop, "/api/v1/webhook_endpoints/" + off, "{\"enabled\":false}").statusCode());

        String paymentId = "pay_" + UUID.randomUUID();
        String paid = publish(shop, "payment.succeeded", paymentId);
        String refunded = publish(shop, "refund.succeeded", "re_" + UUID.randomUUID());
        assertTrue(paid.startsWith("evt_"), paid);

        awaitDeliveries(shop, all.getString("id"), 2, d -> d.getString("status").equals("delivered"));
        awaitDeliveries(shop, payments.getString("id"), 1, d -> d.getString("status").equals("delivered"));
        List<WebhookReceiver.Request> toPayments = receiver.received(onlyPayments);
        assertEquals(1, toPayments.size(), "the refund is filtered out: " + toPayments);
        assertEquals(2, receiver.received(everything).size());
        assertEquals(0, receiver.received(disabled).size(), "a disabled endpoint gets nothing");
        assertEquals(0, Http.json(get(shop, "/api/v1/webhook_endpoints/" + off + "/deliveries")).getJsonArray("data").size());

        WebhookReceiver.Request request = toPayments.get(0);
        assertEquals(paid, request.eventId());
        assertTrue(request.userAgent().startsWith("OKPay-Webhooks/"), request.userAgent());
        JsonObject event = (JsonObject) Http.parse(request.body());
        assertEquals(paid, event.getString("id"));
        assertEquals("event", event.getString("object"));
        assertEquals("payment.succeeded", event.getString("type"));
        assertEquals(paymentId, event.getJsonObject("data").getString("id"));
        assertEquals("café 你好", event.getJsonObject("data").getString("note"), "UTF-8 end to end");
        assertFalse(event.containsKey("merchant_id"), "the merchant knows who it is: " + event);
        Instant created = Instant.parse(event.getString("created"));
        assertTrue(Duration.between(created, Instant.now()).abs().toMinutes() < 5, event.toString());

        assertTrue(verifies(payments.getString("secret"), request.signature(), request.body()), request.signature());
        assertFalse(verifies(payments.getString("secret"), request.signature(), request.body().replace("12.50", "99.50")),
                "a tampered body fails");
        assertFalse(verifies(all.getString("secret"), request.signature(), request.body()), "another endpoint's secret fails");
        long t = Long.parseLong(request.signature().substring(2, request.signature().indexOf(',')));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - t) < 300, "t is the time of sending: " + t);

        HttpResponse<String> asDelivered = get(shop, "/api/v1/events/" + paid);
        assertEquals(200, asDelivered.statusCode(), asDelivered.body());
        assertEquals(request.body(), asDelivered.body(), "GET /events/{id} is the event as delivered");

        // The same event published again (a replayed request, a re-run outbox event) is not delivered again.
        assertEquals(paid, publish(shop, "payment.succeeded", paymentId));
        sleep(4000);
        assertEquals(1, receiver.received(onlyPayments).size(), "de-duplicated by event id");
        assertEquals(1, Http.json(get(shop, "/api/v1/webhook_endpoints/" + payments.getString("id") + "/deliveries"))
                .getJsonArray("data").size());

        JsonObject log = awaitDeliveries(shop, payments.getString("id"), 1, d -> true).get(0);
        assertTrue(log.getString("id").startsWith("whd_"), log.toString());
        assertEquals(paid, log.getString("event_id"));
        assertEquals("payment.succeeded", log.getString("event_type"));
        assertEquals(1, log.getInt("attempts"));
        assertEquals(200, log.getInt("last_http_status"));
        assertTrue(log.getInt("last_response_time_ms") >= 0);
        assertTrue(log.containsKey("delivered_at"), log.toString());
        assertEquals("ok", log.getJsonArray("attempt_log").getJsonObject(0).getString("response_body"));

        // A rotated secret signs what is sent from then on; re-sending the event keeps its id and body.
        String newSecret = Http.json(post(shop, "/api/v1/webhook_endpoints/" + payments.getString("id") + "/rotate_secret", ""))
                .getString("secret");
        HttpResponse<String> resent = post(shop, "/api/v1/webhook_deliveries/" + log.getString("id") + "/resend", "");
        assertEquals(200, resent.statusCode(), resent.body());
        assertEquals("pending", Http.json(resent).getString("status"));
        awaitDeliveries(shop, payments.getString("id"), 1, d -> d.getInt("attempts") == 2 && d.getString("status").equals("delivered"));
        WebhookReceiver.Request again = receiver.received(onlyPayments).get(1);
        assertEquals(paid, again.eventId());
        assertEquals(request.body(), again.body());
        assertTrue(verifies(newSecret, again.signature(), again.body()));
        assertFalse(verifies(payments.getString("secret"), again.signature(), again.body()), "the old secret no longer signs");
    }

    @Test
    @DisplayName("a failing receiver gets the same event again with back-off until it answers 2xx, then nothing more; the log shows each attempt")
    void retriesUntilSuccess() {
        Shop shop = shop();
        String name = "flaky-" + UUID.randomUUID();
        receiver.failNext(name, 2);
        String endpoint = createEndpoint(shop, name, "[\"payment.succeeded\"]").getString("id");
        String eventId = publish(shop, "payment.succeeded", "pay_" + UUID.randomUUID());

        JsonObject delivery = awaitDeliveries(shop, endpoint, 1, d -> d.getString("status").equals("delivered")).get(0);
        assertEquals(3, delivery.getInt("attempts"), delivery.toString());
        JsonArray attempts = delivery.getJsonArray("attempt_log");
        assertEquals(List.of(500, 500, 200), attempts.getValuesAs(JsonObject.class).stream().map(a -> a.getInt("http_status")).toList());
        assertEquals("receiver says no", attempts.getJsonObject(0).getString("response_body"));
        assertTrue(attempts.getValuesAs(JsonObject.class).stream().allMatch(a -> a.getInt("response_time_ms") >= 0));
        Instant first = Instant.parse(attempts.getJsonObject(0).getString("at"));
        Instant second = Instant.parse(attempts.getJsonObject(1).getString("at"));
        assertTrue(Duration.between(first, second).toMillis() >= 400, "back-off between attempts: " + attempts);

        List<WebhookReceiver.Request> received = receiver.received(name);
        assertEquals(3, received.size());
        assertTrue(received.stream().allMatch(r -> r.eventId().equals(eventId) && r.body().equals(received.get(0).body())),
                "every retry carries the same event: " + received);
        sleep(4000);
        assertEquals(3, receiver.received(name).size(), "nothing more after the 2xx");
    }

    @Test
    @DisplayName("a receiver that refuses the connection is logged with the code connection_refused: no exception text, no address, no body")
    void refusedConnectionLoggedAsCode() throws Exception {
        Shop shop = shop();
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        HttpResponse<String> created = post(shop, "/api/v1/webhook_endpoints", """
                {"url":"http://127.0.0.1:%d/hook/closed","events":["*"]}""".formatted(closedPort));
        assertEquals(201, created.statusCode(), created.body());
        String endpoint = Http.json(created).getString("id");
        publish(shop, "refund.succeeded", "re_" + UUID.randomUUID());

        JsonObject delivery = awaitDeliveries(shop, endpoint, 1, d -> !d.getJsonArray("attempt_log").isEmpty()).get(0);
        JsonObject attempt = delivery.getJsonArray("attempt_log").getJsonObject(0);
        assertEquals("connection_refused", attempt.getString("error"), attempt.toString());
        assertFalse(attempt.containsKey("http_status") || attempt.containsKey("response_body"), attempt.toString());
        assertFalse(delivery.toString().contains("Exception") || delivery.toString().contains(Integer.toString(closedPort)),
                delivery.toString());
    }

    @Test
    @DisplayName("after the retry period a delivery fails for good; a manual re-send still delivers the same event")
    void givesUpThenManualResend() {
        Shop shop = shop();
        String name = "down-" + UUID.randomUUID();
        receiver.failNext(name, 1_000_000);
        String endpoint = createEndpoint(shop, name, "[\"*\"]").getString("id");
        String eventId = publish(shop, "payout.failed", "po_" + UUID.randomUUID());
        JsonObject pending = awaitDeliveries(shop, endpoint, 1, d -> d.getInt("attempts") >= 1).get(0);
        assertEquals("pending", pending.getString("status"));
        assertTrue(pending.containsKey("next_attempt_at"), pending.toString());

        // As if three days had passed: the next failure is the last.
        assertEquals("1", http.post("/api/v1/test-webhook/age/" + pending.getString("id"), "").body());
        JsonObject failed = awaitDeliveries(shop, endpoint, 1, d -> d.getString("status").equals("failed")).get(0);
        int attemptsWhenFailed = failed.getInt("attempts");
        assertFalse(failed.containsKey("next_attempt_at"), failed.toString());
        sleep(3000);
        assertEquals(attemptsWhenFailed, receiver.received(name).size(), "no attempt after giving up");

        receiver.failNext(name, 0);
        HttpResponse<String> resent = post(shop, "/api/v1/webhook_deliveries/" + failed.getString("id") + "/resend", "");
        assertEquals(200, resent.statusCode(), resent.body());
        JsonObject delivered = awaitDeliveries(shop, endpoint, 1, d -> d.getString("status").equals("delivered")).get(0);
        assertEquals(attemptsWhenFailed + 1, delivered.getInt("attempts"));
        assertEquals(200, delivered.getInt("last_http_status"));
        List<WebhookReceiver.Request> received = receiver.received(name);
        assertEquals(eventId, received.get(received.size() - 1).eventId(), "the re-send is the same event");

        assertEquals(200, post(shop, "/api/v1/webhook_endpoints/" + endpoint, "{\"enabled\":false}").statusCode());
        HttpResponse<String> toDisabled = post(shop, "/api/v1/webhook_deliveries/" + failed.getString("id") + "/resend", "");
        assertEquals(409, toDisabled.statusCode(), toDisabled.body());
        assertEquals("webhook_endpoint_disabled", Http.json(toDisabled).getString("code"));
    }

    @Test
    @DisplayName("an endpoint that keeps failing opens its own breaker: calls pause, other endpoints of the merchant still get their events")
    void breakerPerEndpoint() {
        Shop shop = shop();
        String dead = "dead-" + UUID.randomUUID();
        String healthy = "fine-" + UUID.randomUUID();
        receiver.failNext(dead, 1_000_000);
        String deadEndpoint = createEndpoint(shop, dead, "[\"*\"]").getString("id");
        String healthyEndpoint = createEndpoint(shop, healthy, "[\"*\"]").getString("id");
        publish(shop, "payment.succeeded", "pay_" + UUID.randomUUID());

        JsonArray attempts = awaitDeliveries(shop, deadEndpoint, 1, d -> d.getInt("attempts") >= 4).get(0).getJsonArray("attempt_log");
        List<Instant> at = attempts.getValuesAs(JsonObject.class).stream().map(a -> Instant.parse(a.getString("at"))).toList();
        // Back-off alone waits at most 2 s (+ a dispatcher tick) here; after the third failure the breaker holds 6 s.
        assertTrue(Duration.between(at.get(2), at.get(3)).toMillis() >= 5000, "3 failures open it for 6 s: " + at);
        assertTrue(Duration.between(at.get(2), at.get(3)).compareTo(Duration.between(at.get(1), at.get(2))) > 0, at.toString());
        awaitDeliveries(shop, healthyEndpoint, 1, d -> d.getString("status").equals("delivered"));
        assertEquals(1, receiver.received(healthy).size());
    }

    @Test
    @DisplayName("a receiver slower than the Fault Tolerance timeout counts as a failed attempt (logged as timeout), then the retry delivers")
    void timeout() {
        Shop shop = shop();
        String name = "slow-" + UUID.randomUUID();
        receiver.slowNext(name, 1);
        String endpoint = createEndpoint(shop, name, "[\"*\"]").getString("id");
        publish(shop, "refund.succeeded", "re_" + UUID.randomUUID());

        JsonObject delivery = awaitDeliveries(shop, endpoint, 1, d -> d.getString("status").equals("delivered")).get(0);
        JsonArray attempts = delivery.getJsonArray("attempt_log");
        assertEquals(2, attempts.size(), delivery.toString());
        JsonObject timedOut = attempts.getJsonObject(0);
        assertEquals("timeout", timedOut.getString("error"), timedOut.toString());
        assertFalse(timedOut.containsKey("http_status"), "no answer, no status: " + timedOut);
        // arquillian.xml sets WebhookSender/post/Timeout/value to 3 s; the receiver would answer after 6 s.
        assertTrue(timedOut.getInt("response_time_ms") >= 2500 && timedOut.getInt("response_time_ms") < 6000, timedOut.toString());
        assertEquals(200, attempts.getJsonObject(1).getInt("http_status"));
    }

    @Test
    @DisplayName("a real checkout event: the merchant expires a session and gets checkout.session.expired with the session's API JSON; the log pages by cursor")
    void realCheckoutEventAndPaging() {
        Shop shop = shop();
        String name = "shop-" + UUID.randomUUID();
        String endpoint = createEndpoint(shop, name, "[\"checkout.session.expired\"]").getString("id");
        String[] sessions = new String[2];
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> created = http.post("/api/v1/checkout/sessions", """
                    {"amount":"12.50","currency":"EUR","merchant_reference":"order-%d","description":"Blue mug",\
                    "success_url":"https://shop.example/done","cancel_url":"https://shop.example/cart"}""".formatted(i),
                    "Authorization", "Bearer " + shop.token(), "Idempotency-Key", UUID.randomUUID().toString());
            assertEquals(201, created.statusCode(), created.body());
            sessions[i] = Http.json(created).getString("id");
            HttpResponse<String> expired = post(shop, "/api/v1/checkout/sessions/" + sessions[i] + "/expire", "");
            assertEquals(200, expired.statusCode(), expired.body());
        }
        List<JsonObject> deliveries = awaitDeliveries(shop, endpoint, 2, d -> d.getString("status").equals("delivered"));
        assertEquals(List.of("checkout.session.expired", "checkout.session.expired"),
                deliveries.stream().map(d -> d.getString("event_type")).toList());

        JsonObject event = (JsonObject) Http.parse(receiver.received(name).get(0).body());
        assertEquals("checkout.session.expired", event.getString("type"));
        assertEquals(sessions[0], event.getJsonObject("data").getString("id"));
        JsonObject asRead = Http.json(get(shop, "/api/v1/checkout/sessions/" + sessions[0]));
        assertEquals(asRead.keySet(), event.getJsonObject("data").keySet(), "data is the session as GET answers it");
        assertEquals(asRead.getString("status"), event.getJsonObject("data").getString("status"));
        assertEquals("order-0", event.getJsonObject("data").getString("merchant_reference"));

        JsonObject first = Http.json(get(shop, "/api/v1/webhook_endpoints/" + endpoint + "/deliveries?limit=1"));
        assertTrue(first.getBoolean("has_more"));
        String newest = first.getJsonArray("data").getJsonObject(0).getString("id");
        assertEquals(deliveries.get(0).getString("id"), newest, "newest first");
        JsonObject second = Http.json(get(shop, "/api/v1/webhook_endpoints/" + endpoint + "/deliveries?limit=1&starting_after=" + newest));
        assertFalse(second.getBoolean("has_more"));
        assertEquals(deliveries.get(1).getString("id"), second.getJsonArray("data").getJsonObject(0).getString("id"));
        assertFieldError(get(shop, "/api/v1/webhook_endpoints/" + endpoint + "/deliveries?starting_after=whd_forged"),
                "starting_after", "cursor_invalid");
        assertFieldError(get(shop, "/api/v1/webhook_endpoints/" + endpoint + "/deliveries?limit=101"), "limit", "limit_invalid");
    }

    @Test
    @DisplayName("in a browser: the shop's owner adds an endpoint (secret shown once), reads the delivery log, re-sends, disables, deletes; in Chinese too")
    void browserPage() throws Exception {
        Shop shop = shop();
        String name = "page-" + UUID.randomUUID();
        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, shop.owner().email());

            browser.get(url("/merchant/webhooks.xhtml?lang=en"));
            waitFor(browser, "add:url");
            assertTrue(text(browser).contains("No endpoints yet."), text(browser));
            type(browser, "add:url", "ftp://shop.example/hooks");
            click(browser, "add:submit");
            waitFor(browser, "add:url-error");
            assertTrue(browser.findElement(By.id("add:url-error")).getText().contains("starting with https://"), text(browser));

            type(browser, "add:url", receiver.url(name));
            click(browser, "add:submit");
            waitFor(browser, "secret");
            String secret = browser.findElement(By.id("secret")).getText();
            assertTrue(secret.startsWith("whsec_"), secret);
            assertTrue(browser.findElement(By.id("endpoint-table")).getText().contains(receiver.url(name)), text(browser));
            assertTrue(browser.findElement(By.id("endpoint-table")).getText().contains("All events"), text(browser));
            click(browser, "secret-form:done");
            assertTrue(browser.findElements(By.id("secret")).isEmpty(), "the secret is shown once");

            String endpointId = Http.json(get(shop, "/api/v1/webhook_endpoints")).getJsonArray("data").getJsonObject(0).getString("id");
            String eventId = publish(shop, "checkout.session.completed", "cs_" + UUID.randomUUID());
            awaitDeliveries(shop, endpointId, 1, d -> d.getString("status").equals("delivered"));
            WebhookReceiver.Request request = receiver.received(name).get(0);
            assertTrue(verifies(secret, request.signature(), request.body()), "the secret from the page verifies");

            click(browser, "endpoints:rows:0:log");
            waitFor(browser, "log-table");
            String log = browser.findElement(By.id("log-table")).getText();
            assertTrue(log.contains("checkout.session.completed") && log.contains(eventId) && log.contains("Delivered")
                    && log.contains("HTTP 200"), log);

            click(browser, "log:deliveries:0:resend");
            waitFor(browser, "log-table");
            assertTrue(text(browser).contains("The event will be sent again"), text(browser));
            awaitDeliveries(shop, endpointId, 1, d -> d.getInt("attempts") == 2 && d.getString("status").equals("delivered"));

            click(browser, "endpoints:rows:0:disable");
            waitFor(browser, "endpoint-table");
            assertTrue(browser.findElement(By.id("endpoint-table")).getText().contains("Disabled"), text(browser));
            assertEquals("disabled", Http.json(get(shop, "/api/v1/webhook_endpoints/" + endpointId)).getString("status"));

            browser.get(url("/merchant/webhooks.xhtml?lang=zh-CN"));
            waitFor(browser, "endpoint-table");
            assertTrue(text(browser).contains("Webhook 通知") && text(browser).contains("已停用"), text(browser));

            click(browser, "endpoints:rows:0:delete");
            waitFor(browser, "no-endpoints");
            assertEquals(404, get(shop, "/api/v1/webhook_endpoints/" + endpointId).statusCode());
        } finally {
            browser.quit();
        }
    }

    @Test
    @DisplayName("the page tells a person without a shop to open one first, and asks strangers to sign in")
    void pageWithoutMerchant() throws Exception {
        Person person = person();
        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/merchant/webhooks.xhtml?lang=en"));
            waitFor(browser, "signin:email");
            Browsers.signIn(browser, person.email());
            browser.get(url("/merchant/webhooks.xhtml?lang=en"));
            waitFor(browser, "no-merchant");
            assertTrue(browser.findElements(By.id("add:url")).isEmpty(), text(browser));
        } finally {
            browser.quit();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** Recomputes the signature as a merchant would: HMAC-SHA256(secret, t + "." + body) against v1. */
    static boolean verifies(String secret, String header, String body) {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        return t != null && v1 != null && java.security.MessageDigest.isEqual(
                Signatures.hmac(secret, t + "." + body).getBytes(), v1.getBytes());
    }

    JsonObject createEndpoint(Shop shop, String receiverName, String events) {
        HttpResponse<String> created = post(shop, "/api/v1/webhook_endpoints", """
                {"url":"%s","events":%s}""".formatted(receiver.url(receiverName), events));
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created);
    }

    String publish(Shop shop, String type, String objectId) {
        HttpResponse<String> published = http.post("/api/v1/test-webhook/publish/" + shop.id() + "?type=" + type
                + "&object=" + objectId, "");
        assertEquals(200, published.statusCode(), published.body());
        return published.body();
    }

    /** Waits (up to 60 s) until the endpoint has {@code count} deliveries that all match. */
    List<JsonObject> awaitDeliveries(Shop shop, String endpointId, int count, Predicate<JsonObject> condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        List<JsonObject> deliveries = List.of();
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get(shop, "/api/v1/webhook_endpoints/" + endpointId + "/deliveries");
            assertEquals(200, response.statusCode(), response.body());
            deliveries = Http.json(response).getJsonArray("data").getValuesAs(JsonObject.class);
            if (deliveries.size() == count && deliveries.stream().allMatch(condition)) {
                return deliveries;
            }
            sleep(300);
        }
        throw new AssertionError("deliveries of " + endpointId + " never got there: " + deliveries);
    }

    HttpResponse<String> get(Shop shop, String path) {
        return http.get(path, auth(shop));
    }

    HttpResponse<String> post(Shop shop, String path, String json) {
        return http.post(path, json, auth(shop));
    }

    static String[] auth(Shop shop) {
        return new String[]{"Authorization", "Bearer " + shop.token()};
    }

    Shop shop() {
        Person owner = person();
        HttpResponse<String> approved = http.post("/api/v1/test-merchant/approved/" + owner.id() + "?name=Shop", "");
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject merchant = Http.json(approved);
        return new Shop(merchant.getString("merchant_id"), merchant.getString("access_token"), owner);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
