package io.okpay.checkout;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import io.okpay.it.People;
import io.okpay.it.People.Person;
import io.okpay.it.TestServer;
import io.okpay.webhook.WebhookReceiver;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.person;
import static io.okpay.it.ProblemAssertions.assertFieldError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payment links (API and pages: fixed and open amounts, expiry, quantity limit, deactivation, someone else's link,
 * the QR code, a merchant creating one and a person paying it in browsers with the signed webhook arriving), test
 * events for webhook endpoints, and the merchant API's rate limit (a merchant of its own spends its budget).
 */
@Execution(ExecutionMode.CONCURRENT)
@Order(7)
class PaymentLinkIT {

    static WebhookReceiver receiver;

    final URL base = TestServer.base();

    Http http;

    record Shop(String id, String token, Person owner) {
    }

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

    // ---- the API ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("fixed amount with a quantity limit: create, read, list, pay twice through checkout, then used up "
            + "(also for a session begun before); payments per link; someone else's link 404")
    void fixedAmountAndQuantity() {
        Shop shop = shop();
        Shop other = shop();
        HttpResponse<String> created = post(shop, "/api/v1/payment_links", """
                {"amount":"12.50","currency":"EUR","description":"茶叶礼盒 · Café crème","quantity_limit":2}""");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject link = Http.json(created);
        String id = link.getString("id");
        assertTrue(id.startsWith("plink_"), created.body());
        assertEquals("active", link.getString("status"));
        assertEquals("12.50", link.getString("amount"));
        assertEquals("EUR", link.getString("currency"));
        assertEquals("茶叶礼盒 · Café crème", link.getString("description"));
        assertEquals(2, link.getInt("quantity_limit"));
        assertEquals(0, link.getInt("payments_count"));
        assertTrue(link.getString("url").endsWith("/checkout/link.xhtml?id=" + id), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/payment_links/" + id));
        assertEquals(link, Http.json(get(shop, "/api/v1/payment_links/" + id)));
        assertTrue(Http.json(get(shop, "/api/v1/payment_links")).getJsonArray("data").getValuesAs(JsonObject.class)
                .stream().anyMatch(l -> l.getString("id").equals(id)));

        // Someone else's link: 404 everywhere; not in their list.
        assertEquals(404, get(other, "/api/v1/payment_links/" + id).statusCode());
        assertEquals(404, get(other, "/api/v1/payment_links/" + id + "/payments").statusCode());
        assertEquals(404, post(other, "/api/v1/payment_links/" + id + "/deactivate", "").statusCode());
        assertTrue(Http.json(get(other, "/api/v1/payment_links")).getJsonArray("data").isEmpty());
        assertEquals(404, get(shop, "/api/v1/payment_links/plink_nothing").statusCode());

        Person first = payer();
        Person second = payer();
        Person late = payer();
        JsonObject session = start(first, id, "k1", "{}");
        assertEquals("12.50", session.getString("amount"));
        assertEquals(session.getString("id"), start(first, id, "k1", "{}").getString("id"), "the same key: the same session");
        String lateSession = start(late, id, "k1", "{}").getString("id");
        assertFalse(lateSession.equals(session.getString("id")), "another payer's key is their own");

        String firstPayment = pay(first, session.getString("id"));
        String secondPayment = pay(second, start(second, id, "k2", "{}").getString("id"));
        JsonObject after = Http.json(get(shop, "/api/v1/payment_links/" + id));
        assertEquals(2, after.getInt("payments_count"));
        assertEquals("sold_out", after.getString("status"));
        List<JsonObject> payments = Http.json(get(shop, "/api/v1/payment_links/" + id + "/payments"))
                .getJsonArray("data").getValuesAs(JsonObject.class);
        assertEquals(List.of(secondPayment, firstPayment), payments.stream().map(p -> p.getString("id")).toList());
        assertEquals(first.email(), payments.get(1).getString("payer_email"));
        assertEquals("12.50", payments.get(1).getString("amount"));

        // Used up: a new start is refused, and so is paying a session begun before the last payment.
        assertProblem(startResponse(late, id, "k3", "{}"), 409, "payment_link_sold_out");
        HttpResponse<String> refused = payResponse(late, lateSession, null, null);
        if (refused.statusCode() == 403) {
            JsonObject challenge = Http.json(refused);
            refused = payResponse(late, lateSession, challenge.getString("challenge_id"), MailCatcher.nextCode(late.email(), 1));
        }
        assertProblem(refused, 409, "payment_link_sold_out");
        assertEquals(2, Http.json(get(shop, "/api/v1/payment_links/" + id)).getInt("payments_count"));
    }

    @Test
    @DisplayName("open amounts: the payer's amount, checked against the currency's decimals (JPY 0, EUR 2); bad links refused by field")
    void openAmountsAndValidation() {
        Shop shop = shop();
        String yen = Http.json(post(shop, "/api/v1/payment_links", """
                {"currency":"JPY","description":"寄付 · donation"}""")).getString("id");
        JsonObject yenLink = Http.json(get(shop, "/api/v1/payment_links/" + yen));
        assertTrue(yenLink.isNull("amount"), yenLink.toString());
        Person payer = payer();
        assertFieldError(startResponse(payer, yen, "y1", "{\"amount\":\"1.5\"}"), "amount", "amount_too_precise");
        assertFieldError(startResponse(payer, yen, "y2", "{}"), "amount", "amount_invalid");
        assertFieldError(startResponse(payer, yen, "y3", "{\"amount\":\"0\"}"), "amount", "amount_not_positive");
        assertEquals("1500", start(payer, yen, "y4", "{\"amount\":\"1500\"}").getString("amount"));

        String euro = Http.json(post(shop, "/api/v1/payment_links", """
                {"currency":"eur","description":"Open amount"}""")).getString("id");
        assertEquals("EUR", Http.json(get(shop, "/api/v1/payment_links/" + euro)).getString("currency"));
        assertFieldError(startResponse(payer, euro, "d1", "{\"amount\":\"1.234\"}"), "amount", "amount_too_precise");
        assertEquals("7.50", start(payer, euro, "d2", "{\"amount\":\"7.5\"}").getString("amount"));
        assertFieldError(post(shop, "/api/v1/payment_links", """
                {"currency":"KWD","description":"x"}"""), "currency", "currency_unsupported");

        assertFieldError(post(shop, "/api/v1/payment_links", """
                {"amount":"1.001","currency":"EUR","description":"x"}"""), "amount", "amount_too_precise");
        assertFieldError(post(shop, "/api/v1/payment_links", """
                {"currency":"XYZ","description":"x"}"""), "currency", "currency_unsupported");
        assertFieldError(post(shop, "/api/v1/payment_links", """
                {"amount":"5.00","currency":"EUR","description":"  "}"""), "description",
                "payment_link_description_required");
        assertFieldError(post(shop, "/api/v1/payment_links", """
                {"amount":"5.00","currency":"EUR","description":"x","quantity_limit":0}"""), "quantity_limit",
                "payment_link_quantity_invalid");
        assertFieldError(post(shop, "/api/v1/payment_links", """
                {"amount":"5.00","currency":"EUR","description":"x","expires_at":"%s"}"""
                .formatted(Instant.now().minusSeconds(60))), "expires_at", "payment_link_expiry_invalid");
        assertFieldError(post(shop, "/api/v1/payment_links", """
                {"amount":"5.00","currency":"EUR","description":"x","expires_at":"tomorrow"}"""), "expires_at",
                "date_time_invalid");
        assertEquals(401, http.get("/api/v1/payment_links").statusCode());
        assertEquals(403, http.get("/api/v1/payment_links", "Authorization", "Bearer " + payer.token()).statusCode(),
                "a person's token is no merchant's");
    }

    @Test
    @DisplayName("expired and deactivated links refuse payments and say why on their page; the QR code is public SVG")
    void expiryDeactivationAndQr() throws Exception {
        Shop shop = shop();
        JsonObject expiring = Http.json(post(shop, "/api/v1/payment_links", """
                {"amount":"3.00","currency":"EUR","description":"Expiring","expires_at":"%s"}"""
                .formatted(Instant.now().plusSeconds(3600))));
        assertEquals("active", expiring.getString("status"));
        assertTrue(expiring.getString("expires_at").startsWith(Instant.now().plusSeconds(3600).toString().substring(0, 13)));
        String expiringId = expiring.getString("id");
        assertEquals("1", http.post("/api/v1/test-paylink/expired/" + expiringId, "").body());
        assertEquals("expired", Http.json(get(shop, "/api/v1/payment_links/" + expiringId)).getString("status"));
        Person payer = payer();
        assertProblem(startResponse(payer, expiringId, "e1", "{}"), 409, "payment_link_expired");

        String stopped = Http.json(post(shop, "/api/v1/payment_links", """
                {"amount":"3.00","currency":"EUR","description":"Stopped"}""")).getString("id");
        String beforeStop = start(payer, stopped, "s0", "{}").getString("id");
        HttpResponse<String> deactivated = post(shop, "/api/v1/payment_links/" + stopped + "/deactivate", "");
        assertEquals(200, deactivated.statusCode(), deactivated.body());
        assertEquals("inactive", Http.json(deactivated).getString("status"));
        assertFalse(Http.json(deactivated).getBoolean("active"));
        assertEquals("inactive", Http.json(post(shop, "/api/v1/payment_links/" + stopped + "/deactivate", ""))
                .getString("status"), "again: no change");
        assertProblem(startResponse(payer, stopped, "s1", "{}"), 409, "payment_link_inactive");
        HttpResponse<String> late = payResponse(payer, beforeStop, null, null);
        assertProblem(late.statusCode() == 403 ? payResponse(payer, beforeStop,
                Http.json(late).getString("challenge_id"), MailCatcher.nextCode(payer.email(), 1)) : late,
                409, "payment_link_inactive");

        HttpResponse<String> qr = http.get("/api/v1/payment_links/" + stopped + "/qr.svg");
        assertEquals(200, qr.statusCode(), qr.body());
        assertTrue(qr.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"), qr.headers().toString());
        assertTrue(qr.body().startsWith("<svg") && qr.body().contains("<path d=\"M"), qr.body());
        assertEquals(404, http.get("/api/v1/payment_links/plink_nothing/qr.svg").statusCode());

        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/checkout/link.xhtml?lang=en&id=" + expiringId));
            waitFor(browser, "ended");
            assertTrue(browser.findElement(By.id("ended-reason")).getText().contains("has expired"), text(browser));
            assertTrue(browser.findElements(By.id("pay:submit")).isEmpty());
            browser.get(url("/checkout/link.xhtml?lang=zh-CN&id=" + stopped));
            waitFor(browser, "ended");
            assertTrue(browser.findElement(By.id("ended-reason")).getText().contains("商户已停用此收款链接"), text(browser));
            browser.get(url("/checkout/link.xhtml?lang=en&id=plink_nothing"));
            waitFor(browser, "not-found");
        } finally {
            browser.quit();
        }
    }

    // ---- the browsers ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("in browsers: the merchant creates a link on the dashboard, a person opens it elsewhere, pays through "
            + "checkout, comes back to the link's thank-you; the merchant's webhook arrives signed; payments per link shown; "
            + "a test event from the webhooks page")
    void browserLinkPaidWithWebhook() throws Exception {
        Shop shop = shop();
        JsonObject endpoint = Http.json(post(shop, "/api/v1/webhook_endpoints", """
                {"url":"%s","events":["payment.succeeded"]}""".formatted(receiver.url("paylink-" + shop.id()))));
        String secret = endpoint.getString("secret");
        Person payer = payer();

        WebDriver merchantBrowser = Browsers.chromium();
        WebDriver payerBrowser = null;
        try {
            merchantBrowser.get(loopback("/merchant/links.xhtml?lang=en"));
            waitFor(merchantBrowser, "signin:email");
            Browsers.signIn(merchantBrowser, shop.owner().email());
            merchantBrowser.get(loopback("/merchant/links.xhtml"));
            waitFor(merchantBrowser, "add:submit");
            assertTrue(merchantBrowser.findElements(By.id("link-table")).isEmpty());
            type(merchantBrowser, "add:description", "Tea tasting 品茶 – Señora");
            type(merchantBrowser, "add:amount", "8.888");
            new org.openqa.selenium.support.ui.Select(merchantBrowser.findElement(By.id("add:currency"))).selectByValue("EUR");
            click(merchantBrowser, "add:submit");
            waitFor(merchantBrowser, "add:amount-error");
            assertFalse(merchantBrowser.findElement(By.id("add:amount-error")).getText().isBlank(), text(merchantBrowser));
            type(merchantBrowser, "add:amount", "8.80");
            type(merchantBrowser, "add:quantity_limit", "5");
            click(merchantBrowser, "add:submit");
            waitFor(merchantBrowser, "link-table");
            assertTrue(text(merchantBrowser).contains("Your payment link is ready"), text(merchantBrowser));
            String row = merchantBrowser.findElement(By.id("link-table")).getText();
            assertTrue(row.contains("Tea tasting 品茶 – Señora") && row.contains("€8.80") && row.contains("Active")
                    && row.contains("0 / 5"), row);
            String linkUrl = merchantBrowser.findElement(By.cssSelector("a.link-open")).getAttribute("href");
            String linkId = merchantBrowser.findElement(By.cssSelector("code.link-id")).getText();
            assertTrue(linkUrl.endsWith("/checkout/link.xhtml?id=" + linkId), linkUrl);

            // Another browser: the person who pays.
            payerBrowser = Browsers.chromium();
            payerBrowser.get(loopback("/checkout/link.xhtml?lang=en&id=" + linkId));
            waitFor(payerBrowser, "link");
            String summary = payerBrowser.findElement(By.id("link")).getText();
            assertTrue(summary.contains("Tea tasting 品茶 – Señora") && summary.contains("€8.80"), summary);
            // The QR code loads under the page's CSP (else its natural width stays 0 and this times out).
            ExpectedCondition<Boolean> qrLoaded = driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                    .executeScript("var qr = document.getElementById('qr'); return qr.complete && qr.naturalWidth > 0;"));
            new WebDriverWait(payerBrowser, Duration.ofSeconds(20)).until(qrLoaded);
            click(payerBrowser, "pay:submit");
            waitFor(payerBrowser, "signin-to-pay");
            click(payerBrowser, "signin-to-pay");
            waitFor(payerBrowser, "signin:email");
            Browsers.signIn(payerBrowser, payer.email());
            waitFor(payerBrowser, "pay:submit");
            assertTrue(text(payerBrowser).contains("€8.80"), text(payerBrowser));
            int codes = MailCatcher.codeMails(payer.email());
            click(payerBrowser, "pay:submit");
            waitFor(payerBrowser, "pay:code");
            type(payerBrowser, "pay:code", MailCatcher.nextCode(payer.email(), codes));
            click(payerBrowser, "pay:submit");
            // Back to the link's page at okpay.base-url, which on the test server is not its address: open the same
            // path on the server.
            String back = payerBrowser.getCurrentUrl();
            assertTrue(back.contains("/checkout/link.xhtml?id=" + linkId + "&session_id=cs_"), back);
            payerBrowser.get(loopback(back.substring(back.indexOf("/checkout/"))));
            waitFor(payerBrowser, "paid");
            assertTrue(text(payerBrowser).contains("Thank you, your payment is done"), text(payerBrowser));

            // The merchant's webhook: payment.succeeded, signed with the endpoint's secret, naming the link's session.
            WebhookReceiver.Request hook = awaitHook("paylink-" + shop.id(), "payment.succeeded");
            assertTrue(verifies(secret, hook.signature(), hook.body()), hook.signature());
            JsonObject data = ((JsonObject) Http.parse(hook.body())).getJsonObject("data");
            assertEquals("8.80", data.getString("amount"));
            assertEquals(payer.email(), data.getString("payer_email"));
            assertEquals("Tea tasting 品茶 – Señora", data.getString("description"));

            // The merchant sees the payment under the link.
            merchantBrowser.get(loopback("/merchant/links.xhtml?link=" + linkId));
            waitFor(merchantBrowser, "payments");
            assertTrue(merchantBrowser.findElement(By.id("payments")).getText().contains(payer.email()), text(merchantBrowser));
            assertEquals("1", merchantBrowser.findElement(By.id("link-paid")).getText());
            assertEquals(data.getString("id"), Http.json(get(shop, "/api/v1/payment_links/" + linkId + "/payments"))
                    .getJsonArray("data").getJsonObject(0).getString("id"));

            // The dashboard's "Send test event": the endpoint gets a signed webhook_endpoint.test; the log shows it.
            merchantBrowser.get(loopback("/merchant/webhooks.xhtml"));
            waitFor(merchantBrowser, "endpoints:rows:0:test");
            click(merchantBrowser, "endpoints:rows:0:test");
            waitFor(merchantBrowser, "log-table");
            assertTrue(text(merchantBrowser).contains("A test event is on its way"), text(merchantBrowser));
            assertTrue(merchantBrowser.findElement(By.id("log-table")).getText().contains("webhook_endpoint.test"),
                    text(merchantBrowser));
            WebhookReceiver.Request test = awaitHook("paylink-" + shop.id(), "webhook_endpoint.test");
            assertTrue(verifies(secret, test.signature(), test.body()), test.signature());
        } finally {
            merchantBrowser.quit();
            if (payerBrowser != null) {
                payerBrowser.quit();
            }
        }
    }

    // ---- webhook test events ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("a test event goes to that endpoint only, whatever it listens to, signed; someone else's 404; disabled 409")
    void webhookTestEvent() throws Exception {
        Shop shop = shop();
        String name = "test-event-" + shop.id();
        JsonObject endpoint = Http.json(post(shop, "/api/v1/webhook_endpoints", """
                {"url":"%s","events":["payout.paid"]}""".formatted(receiver.url(name))));
        String endpointId = endpoint.getString("id");
        Http.json(post(shop, "/api/v1/webhook_endpoints", """
                {"url":"%s","events":["*"]}""".formatted(receiver.url(name + "-other"))));

        HttpResponse<String> sent = post(shop, "/api/v1/webhook_endpoints/" + endpointId + "/test", "");
        assertEquals(201, sent.statusCode(), sent.body());
        JsonObject delivery = Http.json(sent);
        assertEquals("webhook_endpoint.test", delivery.getString("event_type"));
        assertEquals(endpointId, delivery.getString("endpoint_id"));
        WebhookReceiver.Request hook = awaitHook(name, "webhook_endpoint.test");
        assertTrue(verifies(endpoint.getString("secret"), hook.signature(), hook.body()), hook.signature());
        JsonObject event = (JsonObject) Http.parse(hook.body());
        assertEquals(delivery.getString("event_id"), event.getString("id"));
        assertEquals(endpointId, event.getJsonObject("data").getString("id"));
        assertTrue(event.getJsonObject("data").getBoolean("test"));
        assertTrue(receiver.received(name + "-other").isEmpty(), "only the endpoint tested");
        // The event and its delivery are in the log like any other; the event reads back.
        assertEquals(hook.body(), get(shop, "/api/v1/events/" + event.getString("id")).body());

        assertEquals(404, post(shop(), "/api/v1/webhook_endpoints/" + endpointId + "/test", "").statusCode());
        assertEquals(200, post(shop, "/api/v1/webhook_endpoints/" + endpointId, "{\"enabled\":false}").statusCode());
        assertProblem(post(shop, "/api/v1/webhook_endpoints/" + endpointId + "/test", ""), 409, "webhook_endpoint_disabled");
    }

    // ---- rate limits ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("rate limit: every merchant answer carries RateLimit-*; past the budget 429 rate_limited with Retry-After; "
            + "another merchant is not affected")
    void rateLimit() throws Exception {
        Shop shop = shop();
        HttpResponse<String> first = get(shop, "/api/v1/payment_links");
        assertEquals(200, first.statusCode(), first.body());
        long limit = header(first, "RateLimit-Limit");
        assertTrue(limit > 0, first.headers().toString());
        assertEquals(limit - 1, header(first, "RateLimit-Remaining"));
        long reset = header(first, "RateLimit-Reset");
        assertTrue(reset >= 1 && reset <= 60, "reset " + reset);
        HttpResponse<String> problem = get(shop, "/api/v1/payment_links/plink_nothing");
        assertEquals(404, problem.statusCode());
        assertEquals(limit - 2, header(problem, "RateLimit-Remaining"), "errors count and carry the headers too");

        // Spend the rest in parallel: exactly the budget passes, the rest is refused.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        try {
            for (long i = 0; i < limit; i++) {
                calls.add(pool.submit(() -> get(shop, "/api/v1/payment_links?limit=1")));
            }
            int passed = 0;
            HttpResponse<String> refused = null;
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> answer = call.get();
                if (answer.statusCode() == 200) {
                    passed++;
                } else {
                    refused = answer;
                }
            }
            assertEquals(limit - 2, passed, "the budget less the two calls above");
            assertNotNull(refused);
            assertProblem(refused, 429, "rate_limited");
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertEquals(0, header(refused, "RateLimit-Remaining"));
            assertEquals(limit, header(refused, "RateLimit-Limit"));
        } finally {
            pool.shutdownNow();
        }
        HttpResponse<String> otherShop = get(shop(), "/api/v1/payment_links");
        assertEquals(200, otherShop.statusCode());
        assertEquals(limit - 1, header(otherShop, "RateLimit-Remaining"));
        assertTrue(http.get("/api/v1/payment_links").headers().firstValue("RateLimit-Limit").isEmpty(),
                "no merchant, no budget");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    String loopback(String path) {
        return url(path).replaceFirst("//[^/:]+", "//127.0.0.1");
    }

    static long header(HttpResponse<String> response, String name) {
        return Long.parseLong(response.headers().firstValue(name).orElseThrow(() -> new AssertionError(
                name + " missing: " + response.headers())));
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, Http.json(response).getString("code"), response.body());
    }

    /** HMAC-SHA256 of "t.body" with the secret, compared with v1 of the OKPay-Signature header, as README shows. */
    static boolean verifies(String secret, String header, String body) throws Exception {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
    }

    WebhookReceiver.Request awaitHook(String name, String type) {
        for (int i = 0; i < 200; i++) {
            for (WebhookReceiver.Request request : receiver.received(name)) {
                if (request.body().contains("\"type\":\"" + type + "\"")) {
                    return request;
                }
            }
            sleep(300);
        }
        throw new AssertionError(type + " never arrived at " + name + ": " + receiver.received(name));
    }

    JsonObject start(Person payer, String linkId, String key, String body) {
        HttpResponse<String> started = startResponse(payer, linkId, key, body);
        assertEquals(201, started.statusCode(), started.body());
        return Http.json(started);
    }

    HttpResponse<String> startResponse(Person payer, String linkId, String key, String body) {
        return http.post("/api/v1/payment_links/" + linkId + "/checkout_sessions", body,
                "Authorization", "Bearer " + payer.token(), "Idempotency-Key", key);
    }

    /** Pays a session through the checkout API, answering the one-time code of a first payment; the payment id. */
    String pay(Person payer, String sessionId) {
        int codes = MailCatcher.codeMails(payer.email());
        HttpResponse<String> paid = payResponse(payer, sessionId, null, null);
        if (paid.statusCode() == 403) {
            paid = payResponse(payer, sessionId, Http.json(paid).getString("challenge_id"),
                    MailCatcher.nextCode(payer.email(), codes));
        }
        assertEquals(200, paid.statusCode(), paid.body());
        return Http.json(paid).getString("id");
    }

    HttpResponse<String> payResponse(Person payer, String sessionId, String challengeId, String code) {
        String body = challengeId == null ? "{}" : "{\"challenge_id\":\"%s\",\"code\":\"%s\"}".formatted(challengeId, code);
        return http.post("/api/v1/checkout/sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8) + "/pay",
                body, "Authorization", "Bearer " + payer.token(), "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** A verified person with 100 EUR. */
    Person payer() {
        Person payer = person("en");
        People.fund(payer, "EUR", "100.00");
        return payer;
    }

    HttpResponse<String> get(Shop shop, String path) {
        return http.get(path, "Authorization", "Bearer " + shop.token());
    }

    HttpResponse<String> post(Shop shop, String path, String json) {
        return http.post(path, json, "Authorization", "Bearer " + shop.token());
    }

    /** An approved merchant (EUR) owned by a new verified person. */
    Shop shop() {
        Person owner = person("en");
        HttpResponse<String> approved = http.post("/api/v1/test-merchant/approved/" + owner.id()
                + "?name=Link+Shop&currency=EUR", "");
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject json = Http.json(approved);
        return new Shop(json.getString("merchant_id"), json.getString("access_token"), owner);
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
