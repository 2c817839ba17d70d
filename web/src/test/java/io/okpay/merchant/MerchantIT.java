package io.okpay.merchant;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import io.okpay.it.People.Person;
import io.okpay.it.Race;
import io.okpay.it.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.okpay.it.MailCatcher.codeMails;
import static io.okpay.it.MailCatcher.nextCode;
import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.operator;
import static io.okpay.it.People.person;
import static io.okpay.it.People.unverified;
import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.press;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Merchants, black box: opening a profile, compliance's decisions, API keys (create, list, revoke, rotate), the
 * client-credentials exchange (Basic and form), the MERCHANT token on merchant endpoints, and who may see what.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MerchantIT {

    final URL base = TestServer.base();

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    // ---- opening a profile --------------------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("a verified person opens a pending profile once; field errors name the fields; unverified people are refused")
    void openProfile() {
        Person ann = person("en");
        assertEquals(404, http.get("/api/v1/merchants/me", "Authorization", ann.bearer()).statusCode(),
                "no profile yet");

        HttpResponse<String> invalid = http.post("/api/v1/merchants", """
                {"business_name":" ","website":"ftp://x","support_email":"nope","settlement_currency":"XXX"}""",
                "Authorization", ann.bearer());
        assertEquals(400, invalid.statusCode(), invalid.body());
        String errors = Http.json(invalid).getJsonArray("errors").toString();
        for (String field : new String[]{"business_name", "website", "support_email", "settlement_currency"}) {
            assertTrue(errors.contains("\"field\":\"" + field + "\""), field + " in " + errors);
        }

        HttpResponse<String> opened = open(ann, "Ann's Teas");
        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject merchant = Http.json(opened);
        assertTrue(merchant.getString("id").startsWith("mch_"), opened.body());
        assertEquals("pending", merchant.getString("status"));
        assertEquals("EUR", merchant.getString("settlement_currency"));
        assertTrue(opened.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/merchants/me"));

        HttpResponse<String> me = http.get("/api/v1/merchants/me", "Authorization", ann.bearer());
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(merchant.getString("id"), Http.json(me).getString("id"));

        HttpResponse<String> second = open(ann, "Ann's Second Shop");
        assertEquals(409, second.statusCode(), second.body());
        assertEquals("merchant_exists", Http.json(second).getString("code"));

        Person unverified = unverified();
        HttpResponse<String> refused = open(unverified, "Nobody's Shop");
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("email_not_verified", Http.json(refused).getString("code"));
        assertEquals(401, http.post("/api/v1/merchants", "{}").statusCode(), "no token, no profile");
    }

    // ---- compliance -----------------------------------------------------------------------------------------------

    @Test
    @Order(2)
    @DisplayName("compliance sees pending profiles, approves, rejects and suspends; the owner gets an e-mail; a USER may not decide")
    void compliance() {
        Person bob = person("en");
        Person cat = person("zh-CN");
        String bobShop = Http.json(open(bob, "Bob's Bikes")).getString("id");
        String catShop = Http.json(open(cat, "Cat's Cakes")).getString("id");
        Person officer = operator("COMPLIANCE");

        HttpResponse<String> byUser = http.post("/api/v1/admin/merchants/" + bobShop + "/approve", "",
                "Authorization", bob.bearer());
        assertEquals(403, byUser.statusCode(), byUser.body());
        assertEquals(403, http.get("/api/v1/admin/merchants", "Authorization", bob.bearer()).statusCode());

        String queue = pendingQueue(officer);
        assertTrue(queue.contains(bobShop) && queue.contains(catShop), queue);
        HttpResponse<String> firstPage = http.get("/api/v1/admin/merchants?status=pending&limit=1",
                "Authorization", officer.bearer());
        assertEquals(200, firstPage.statusCode(), firstPage.body());
        JsonObject page = Http.json(firstPage);
        assertEquals(1, page.getJsonArray("data").size());
        assertTrue(page.getBoolean("has_more"), firstPage.body());
        HttpResponse<String> nextPage = http.get("/api/v1/admin/merchants?status=pending&limit=1&starting_after="
                + page.getString("next_cursor"), "Authorization", officer.bearer());
        assertEquals(200, nextPage.statusCode(), nextPage.body());
        assertNotEquals(page.getJsonArray("data").getJsonObject(0).getString("id"),
                Http.json(nextPage).getJsonArray("data").getJsonObject(0).getString("id"), "the cursor moves on");
        assertEquals(400, http.get("/api/v1/admin/merchants?status=sleeping", "Authorization", officer.bearer())
                .statusCode());

        HttpResponse<String> approved = http.post("/api/v1/admin/merchants/" + bobShop + "/approve", "",
                "Authorization", officer.bearer());
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("approved", Http.json(approved).getString("status"));
        assertTrue(MailCatcher.await(bob.email(), "is approved").text().contains("/merchant/dashboard.xhtml"));
        assertEquals("approved", Http.json(http.get("/api/v1/merchants/me", "Authorization", bob.bearer()))
                .getString("status"));

        HttpResponse<String> rejected = http.post("/api/v1/admin/merchants/" + catShop + "/reject", "",
                "Authorization", officer.bearer());
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals("rejected", Http.json(rejected).getString("status"));
        assertTrue(MailCatcher.await(cat.email(), "未通过审核").text().contains("Cat's Cakes"));
        HttpResponse<String> again = http.post("/api/v1/admin/merchants/" + catShop + "/reject", "",
                "Authorization", officer.bearer());
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("merchant_status_conflict", Http.json(again).getString("code"));

        HttpResponse<String> suspended = http.post("/api/v1/admin/merchants/" + bobShop + "/suspend", "",
                "Authorization", officer.bearer());
        assertEquals(200, suspended.statusCode(), suspended.body());
        assertEquals("suspended", Http.json(suspended).getString("status"));
        MailCatcher.await(bob.email(), "is suspended");

        String after = pendingQueue(officer);
        assertFalse(after.contains(bobShop) || after.contains(catShop), "decided profiles leave the queue: " + after);
        assertEquals(404, http.post("/api/v1/admin/merchants/mch_unknown/approve", "", "Authorization",
                officer.bearer()).statusCode());
    }

    // ---- keys -----------------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    @DisplayName("the owner creates, lists, rotates and revokes keys; the secret is shown once; at most 5 are active; others get 404")
    void keys() {
        Person dan = person("en");
        open(dan, "Dan's Donuts");
        HttpResponse<String> created = createKey(dan);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElse(""));
        JsonObject key = Http.json(created);
        String secret = key.getString("secret");
        assertTrue(key.getString("id").startsWith("key_"), created.body());
        assertTrue(secret.matches("sk_[0-9a-z]{40}"), "about 200 random bits");
        assertEquals("sk_…" + secret.substring(secret.length() - 4), key.getString("secret_hint"));
        assertEquals("active", key.getString("status"));

        HttpResponse<String> listed = http.get("/api/v1/merchants/me/keys", "Authorization", dan.bearer());
        assertEquals(200, listed.statusCode(), listed.body());
        assertFalse(listed.body().contains(secret), "the secret is never shown again");
        assertFalse(listed.body().contains("\"secret\""), listed.body());
        assertEquals(key.getString("id"), Http.json(listed).getJsonArray("data").getJsonObject(0).getString("id"));

        HttpResponse<String> rotated = http.post("/api/v1/merchants/me/keys/" + key.getString("id") + "/rotate", "",
                "Authorization", dan.bearer());
        assertEquals(201, rotated.statusCode(), rotated.body());
        JsonObject replacement = Http.json(rotated);
        assertNotEquals(key.getString("id"), replacement.getString("id"));
        assertNotEquals(secret, replacement.getString("secret"));
        String keys = http.get("/api/v1/merchants/me/keys", "Authorization", dan.bearer()).body();
        assertEquals("revoked", keyStatus(keys, key.getString("id")), keys);
        assertEquals("active", keyStatus(keys, replacement.getString("id")), keys);
        HttpResponse<String> rotateRevoked = http.post("/api/v1/merchants/me/keys/" + key.getString("id") + "/rotate",
                "", "Authorization", dan.bearer());
        assertEquals(409, rotateRevoked.statusCode(), rotateRevoked.body());
        assertEquals("api_key_revoked", Http.json(rotateRevoked).getString("code"));

        Person eve = person("en");
        assertEquals(404, http.get("/api/v1/merchants/me/keys", "Authorization", eve.bearer()).statusCode(),
                "no merchant, no keys");
        open(eve, "Eve's Emporium");
        String eveKeys = http.get("/api/v1/merchants/me/keys", "Authorization", eve.bearer()).body();
        assertFalse(eveKeys.contains(replacement.getString("id")), "only one's own keys: " + eveKeys);
        assertEquals(404, http.post("/api/v1/merchants/me/keys/" + replacement.getString("id") + "/revoke", "",
                "Authorization", eve.bearer()).statusCode(), "someone else's key does not exist for you");
        assertEquals(404, http.post("/api/v1/merchants/me/keys/" + replacement.getString("id") + "/rotate", "",
                "Authorization", eve.bearer()).statusCode());

        HttpResponse<String> revoked = http.post("/api/v1/merchants/me/keys/" + replacement.getString("id") + "/revoke",
                "", "Authorization", dan.bearer());
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals("revoked", Http.json(revoked).getString("status"));
        assertTrue(Http.json(revoked).containsKey("revoked_at"), revoked.body());

        for (int i = 0; i < 5; i++) {
            assertEquals(201, createKey(dan).statusCode());
        }
        HttpResponse<String> sixth = createKey(dan);
        assertEquals(409, sixth.statusCode(), sixth.body());
        assertEquals("api_key_limit", Http.json(sixth).getString("code"));
    }

    // ---- client credentials -------------------------------------------------------------------------------------

    @Test
    @Order(4)
    @DisplayName("a key's id and secret give a MERCHANT token by Basic and by form; wrong, revoked and rotated-away secrets are 401 invalid_client")
    void clientCredentials() {
        Person fay = person("en");
        String merchantId = Http.json(open(fay, "Fay's Flowers")).getString("id");
        JsonObject key = Http.json(createKey(fay));
        String id = key.getString("id");
        String secret = key.getString("secret");

        HttpResponse<String> basic = token("grant_type=client_credentials", "Authorization", basic(id, secret));
        assertEquals(200, basic.statusCode(), basic.body());
        JsonObject granted = Http.json(basic);
        assertEquals("Bearer", granted.getString("token_type"));
        assertEquals(900, granted.getInt("expires_in"));
        assertEquals("no-store", basic.headers().firstValue("Cache-Control").orElse(""));
        String merchantToken = "Bearer " + granted.getString("access_token");

        HttpResponse<String> form = token("grant_type=client_credentials&client_id=" + id + "&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8));
        assertEquals(200, form.statusCode(), form.body());

        HttpResponse<String> profile = http.get("/api/v1/merchant", "Authorization", merchantToken);
        assertEquals(200, profile.statusCode(), profile.body());
        assertEquals(merchantId, Http.json(profile).getString("id"));
        assertEquals("Fay's Flowers", Http.json(profile).getString("business_name"));
        HttpResponse<String> balances = http.get("/api/v1/merchant/balances", "Authorization", merchantToken);
        assertEquals(200, balances.statusCode(), balances.body());
        assertEquals("[]", balances.body().strip(), "nothing received yet");
        assertTrue(http.get("/api/v1/merchants/me/keys", "Authorization", fay.bearer()).body().contains("last_used_at"),
                "the exchange marks the key as used");

        HttpResponse<String> wrong = token("grant_type=client_credentials", "Authorization", basic(id, secret + "x"));
        assertInvalidClient(wrong);
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), wrong.headers().toString());
        assertInvalidClient(token("grant_type=client_credentials&client_id=key_nothing&client_secret=" + secret));
        assertInvalidClient(token("grant_type=client_credentials"));

        HttpResponse<String> unsupported = token("grant_type=password&client_id=" + id + "&client_secret=" + secret);
        assertEquals(400, unsupported.statusCode(), unsupported.body());
        assertEquals("unsupported_grant_type", Http.json(unsupported).getString("code"));
        assertEquals("unsupported_grant_type", Http.json(unsupported).getString("error"));
        HttpResponse<String> twice = token("grant_type=client_credentials&client_secret=" + secret,
                "Authorization", basic(id, secret));
        assertEquals(400, twice.statusCode(), twice.body());

        String rotatedSecret = Http.json(http.post("/api/v1/merchants/me/keys/" + id + "/rotate", "",
                "Authorization", fay.bearer())).getString("secret");
        assertInvalidClient(token("grant_type=client_credentials", "Authorization", basic(id, secret)));
        assertFalse(rotatedSecret.isEmpty());

        JsonObject other = Http.json(createKey(fay));
        assertEquals(200, token("grant_type=client_credentials", "Authorization",
                basic(other.getString("id"), other.getString("secret"))).statusCode());
        http.post("/api/v1/merchants/me/keys/" + other.getString("id") + "/revoke", "", "Authorization", fay.bearer());
        assertInvalidClient(token("grant_type=client_credentials", "Authorization",
                basic(other.getString("id"), other.getString("secret"))));
    }

    @Test
    @Order(5)
    @DisplayName("roles are kept apart: a USER token on merchant endpoints and a MERCHANT token on people's endpoints are 403")
    void rolesApart() {
        Person gus = person("en");
        open(gus, "Gus's Games");
        JsonObject key = Http.json(createKey(gus));
        String merchantToken = "Bearer " + Http.json(token("grant_type=client_credentials", "Authorization",
                basic(key.getString("id"), key.getString("secret")))).getString("access_token");

        assertEquals(403, http.get("/api/v1/merchant", "Authorization", gus.bearer()).statusCode());
        assertEquals(403, http.get("/api/v1/merchant/balances", "Authorization", gus.bearer()).statusCode());
        assertEquals(403, http.get("/api/v1/merchants/me/keys", "Authorization", merchantToken).statusCode());
        assertEquals(403, http.post("/api/v1/merchants/me/keys", "", "Authorization", merchantToken).statusCode());
        assertEquals(403, http.get("/api/v1/balances", "Authorization", merchantToken).statusCode());
        assertEquals(403, http.get("/api/v1/admin/merchants", "Authorization", merchantToken).statusCode());
        assertEquals(401, http.get("/api/v1/merchant").statusCode());
    }

    @Test
    @Order(6)
    @DisplayName("failed exchanges are throttled per key and address: 429 slow_down with Retry-After")
    void throttled() throws InterruptedException {
        Person hal = person("en");
        open(hal, "Hal's Hats");
        JsonObject key = Http.json(createKey(hal));
        HttpResponse<String> last = null;
        for (int i = 0; i < 8; i++) {
            last = token("grant_type=client_credentials", "Authorization", basic(key.getString("id"), "sk_wrong" + i));
            if (last.statusCode() == 429) {
                break;
            }
        }
        assertEquals(429, last.statusCode(), last.body());
        assertEquals("client_throttled", Http.json(last).getString("code"));
        assertEquals("slow_down", Http.json(last).getString("error"));
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 900, "seconds: " + retryAfter);
        Thread.sleep(retryAfter * 1000 + 500);
        assertEquals(200, token("grant_type=client_credentials", "Authorization",
                basic(key.getString("id"), key.getString("secret"))).statusCode(), "after the wait the right secret works");
    }

    @Test
    @Order(6)
    @DisplayName("a burst of parallel wrong client secrets: only the free tries are checked, the rest wait (429)")
    void parallelGuesses() throws Exception {
        Person ivy = person("en");
        open(ivy, "Ivy's Inks");
        String keyId = Http.json(createKey(ivy)).getString("id");
        long started = System.currentTimeMillis();
        List<HttpResponse<String>> answers = Race.run(16, i -> token(new Http(base), "grant_type=client_credentials",
                "Authorization", basic(keyId, "sk_wrong" + i)));
        long burst = System.currentTimeMillis() - started;
        int checked = 0;
        int waiting = 0;
        for (HttpResponse<String> response : answers) {
            switch (response.statusCode()) {
                case 401 -> {
                    assertInvalidClient(response);
                    checked++;
                }
                case 429 -> {
                    assertEquals("client_throttled", Http.json(response).getString("code"), response.body());
                    waiting++;
                }
                default -> throw new AssertionError(response.statusCode() + " " + response.body());
            }
        }
        // Five tries per key and address: each counted before its secret is checked, so the burst gets no more.
        assertTrue(checked >= 1 && checked <= Race.checkedAtMost(5, burst),
                checked + " of 16 parallel guesses were checked in " + burst + " ms");
        assertEquals(16, checked + waiting);
    }

    // ---- pages ----------------------------------------------------------------------------------------------------

    @Test
    @Order(7)
    @DisplayName("in a browser: sign in, dashboard, a field error, open a profile, approved by compliance, a key whose secret is shown once, rotate and revoke after confirming")
    void browserDashboard() throws Exception {
        Person ida = person("en");
        Person officer = operator("COMPLIANCE");
        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, ida.email());
            browser.get(url("/wallet/home.xhtml"));
            Browsers.openMenu(browser);
            press(browser, browser.findElement(By.id("nav-merchant")));
            waitFor(browser, "open:submit");
            assertTrue(browser.findElements(By.id("nav-admin-merchants")).isEmpty(), "no back office for people");

            type(browser, "open:business_name", "Ida's Inks");
            type(browser, "open:support_email", "help@inks.example");
            new Select(browser.findElement(By.id("open:settlement_currency"))).selectByValue("GBP");
            click(browser, "open:submit");
            String websiteError = browser.findElement(By.id("open:website-error")).getText();
            assertTrue(websiteError.contains("web address"), "the error is next to the field: " + text(browser));

            type(browser, "open:website", "https://inks.example");
            click(browser, "open:submit");
            waitFor(browser, "status");
            assertEquals("Waiting for review", browser.findElement(By.id("status")).getText());
            assertTrue(text(browser).contains("Your merchant profile is open"), text(browser));
            String merchantPages = browser.findElement(By.id("merchant-nav")).getText();
            assertTrue(merchantPages.contains("Overview") && merchantPages.contains("Payments") && merchantPages.contains("Payouts"), merchantPages);
            String merchantId = browser.findElement(By.id("merchant-id")).getText();
            assertTrue(merchantId.startsWith("mch_"), merchantId);
            assertTrue(browser.findElement(By.id("no-balance")).isDisplayed());

            assertEquals(200, http.post("/api/v1/admin/merchants/" + merchantId + "/approve", "",
                    "Authorization", officer.bearer()).statusCode());
            browser.get(url("/merchant/dashboard.xhtml"));
            assertEquals("Approved", browser.findElement(By.id("status")).getText());

            click(browser, "keys:create");
            waitFor(browser, "new-secret");
            String secret = browser.findElement(By.id("new-secret")).getText();
            String keyId = browser.findElement(By.id("new-key-id")).getText();
            assertTrue(secret.matches("sk_[0-9a-z]{40}"), secret);
            assertTrue(browser.findElement(By.id("copy-hint")).getText().contains("shown only this once"));
            assertTrue(browser.findElement(By.id("key-" + keyId)).getText().contains("sk_…" + secret.substring(39)));
            assertEquals(200, token("grant_type=client_credentials", "Authorization", basic(keyId, secret)).statusCode(),
                    "the secret on the page works");

            browser.get(url("/merchant/dashboard.xhtml"));
            assertFalse(browser.getPageSource().contains(secret), "the secret is shown once only");
            assertTrue(browser.findElement(By.id("key-" + keyId)).getText().contains("Active"));

            press(browser, browser.findElement(By.id("key-" + keyId)).findElement(By.cssSelector(".rotate")));
            waitFor(browser, "confirm-box");
            click(browser, "keys:confirm");
            waitFor(browser, "new-secret");
            String rotatedId = browser.findElement(By.id("new-key-id")).getText();
            String rotatedSecret = browser.findElement(By.id("new-secret")).getText();
            assertNotEquals(keyId, rotatedId);
            assertTrue(browser.findElement(By.id("key-" + keyId)).getText().contains("Revoked"), "rotation revokes the old key");
            assertInvalidClient(token("grant_type=client_credentials", "Authorization", basic(keyId, secret)));
            assertEquals(200, token("grant_type=client_credentials", "Authorization", basic(rotatedId, rotatedSecret))
                    .statusCode());
            keyId = rotatedId;
            secret = rotatedSecret;

            press(browser, browser.findElement(By.id("key-" + keyId)).findElement(By.cssSelector(".revoke")));
            waitFor(browser, "confirm-box");
            assertTrue(browser.findElement(By.id("confirm-text")).getText().contains(keyId));
            click(browser, "keys:cancel");
            assertTrue(browser.findElement(By.id("key-" + keyId)).getText().contains("Active"), "cancel keeps the key");
            press(browser, browser.findElement(By.id("key-" + keyId)).findElement(By.cssSelector(".revoke")));
            waitFor(browser, "confirm-box");
            click(browser, "keys:confirm");
            assertTrue(text(browser).contains("The key is revoked."), text(browser));
            assertTrue(browser.findElement(By.id("key-" + keyId)).getText().contains("Revoked"));
            assertInvalidClient(token("grant_type=client_credentials", "Authorization", basic(keyId, secret)));

            browser.get(url("/merchant/dashboard.xhtml?lang=zh-CN"));
            assertEquals("已通过", browser.findElement(By.id("status")).getText());
            browser.get(url("/admin/merchants.xhtml?lang=en"));
            assertFalse(text(browser).contains("Merchant reviews"), "people are kept off the back office");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(8)
    @DisplayName("in a browser: a compliance officer signs in with a code, approves a pending profile (the owner is told), suspends it and approves it again")
    void browserReview() throws Exception {
        Person jo = person("en");
        String shop = Http.json(open(jo, "Jo's Jams")).getString("id");
        Person officer = operator("COMPLIANCE");
        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, officer.email());
            browser.get(url("/admin/merchants.xhtml"));
            waitFor(browser, "merchant-" + shop);
            assertTrue(browser.findElement(By.id("merchant-" + shop)).getText().contains("Jo's Jams"));
            assertFalse(browser.findElements(By.id("nav-admin-merchants")).isEmpty(), "compliance finds the queue");

            press(browser, browser.findElement(By.id("merchant-" + shop)).findElement(By.cssSelector(".approve")));
            assertTrue(text(browser).contains("Jo's Jams is approved."), text(browser));
            assertTrue(browser.findElements(By.id("merchant-" + shop)).isEmpty(), "decided profiles leave the queue");
            assertEquals("approved", Http.json(http.get("/api/v1/merchants/me", "Authorization", jo.bearer()))
                    .getString("status"));
            MailCatcher.await(jo.email(), "is approved");

            press(browser, browser.findElement(By.id("tab-approved")));
            waitFor(browser, "merchant-" + shop);
            press(browser, browser.findElement(By.id("merchant-" + shop)).findElement(By.cssSelector(".suspend")));
            assertTrue(text(browser).contains("Jo's Jams is suspended."), text(browser));
            assertEquals("suspended", Http.json(http.get("/api/v1/merchants/me", "Authorization", jo.bearer()))
                    .getString("status"));
            browser.get(url("/admin/merchants.xhtml?status=suspended"));
            assertTrue(browser.findElement(By.id("merchant-" + shop)).findElements(By.cssSelector(".suspend, .reject")).isEmpty(),
                    "a suspended profile can only be approved again");
            press(browser, browser.findElement(By.id("merchant-" + shop)).findElement(By.cssSelector(".approve")));
            assertEquals("approved", Http.json(http.get("/api/v1/merchants/me", "Authorization", jo.bearer()))
                    .getString("status"));
        } finally {
            browser.quit();
        }
    }

    String url(String path) {
        return http.uri(path).toString();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    HttpResponse<String> open(Person person, String name) {
        return http.post("/api/v1/merchants", """
                {"business_name":"%s","website":"https://shop.example","support_email":"help@shop.example",\
                "settlement_currency":"eur"}""".formatted(name), "Authorization", person.bearer());
    }

    HttpResponse<String> createKey(Person person) {
        return http.post("/api/v1/merchants/me/keys", "", "Authorization", person.bearer());
    }

    HttpResponse<String> token(String form, String... headers) {
        return token(http, form, headers);
    }

    static HttpResponse<String> token(Http client, String form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri("/api/v1/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return client.send(request, headers);
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static void assertInvalidClient(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("invalid_client", Http.json(response).getString("code"));
        assertEquals("invalid_client", Http.json(response).getString("error"));
        assertFalse(response.body().contains("access_token"), response.body());
    }

    static String keyStatus(String keysJson, String keyId) {
        return ((JsonObject) Http.parse(keysJson)).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getString("id").equals(keyId)).findFirst().orElseThrow().getString("status");
    }

    String pendingQueue(Person officer) {
        HttpResponse<String> queue = http.get("/api/v1/admin/merchants?status=pending&limit=100",
                "Authorization", officer.bearer());
        assertEquals(200, queue.statusCode(), queue.body());
        return queue.body();
    }
}
