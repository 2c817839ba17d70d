package io.okpay.funding;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.HouseLedger;
import io.okpay.it.MailCatcher;
import io.okpay.it.People;
import io.okpay.it.People.Person;
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
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.operator;
import static io.okpay.it.People.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Top-ups through the API, black box: card (approved, declined, one-time code, processor unreachable, idempotent
 * replay), input errors, unverified people, and e-money vouchers (issue, redeem, reuse, expiry, guessing). The
 * application's card gateway goes through {@link AcquirerProxy} to this server's own sandbox acquirer; the processor
 * outage runs last, because it stops the proxy (and waits until the gateway works again, for the tests after it).
 */
// It stops the card processor: one class at a time uses it.
@ResourceLock(AcquirerProxy.PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopUpIT {

    static final int EXP_YEAR = Year.now().getValue() + 3;
    final URL base = TestServer.base();

    Http http;

    static AcquirerProxy proxy;

    @BeforeAll
    static void startProxy() throws IOException {
        proxy = AcquirerProxy.start(TestServer.base());
    }

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    // ---- card -------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("a card top-up charges amount + fee, credits the wallet and the fees account in one posting, and e-mails a receipt")
    void cardTopUp() {
        Person ann = person("en");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> created = topUp(ann, key, card("50.00", "USD", "4242 4242 4242 4242"));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject topUp = Http.json(created);
        assertTrue(topUp.getString("id").startsWith("top_"), created.body());
        assertEquals("succeeded", topUp.getString("status"));
        assertEquals("card", topUp.getString("method"));
        assertEquals("50.00", topUp.getString("amount"));
        assertEquals("1.00", topUp.getString("fee"), "1.50 % of 50.00 is 0.75, plus 0.25 fixed");
        assertEquals("51.00", topUp.getString("total"));
        assertEquals("4242", topUp.getJsonObject("card").getString("last4"));
        assertEquals("visa", topUp.getJsonObject("card").getString("brand"));
        assertTrue(topUp.getString("transaction_id").startsWith("txn_"));
        assertFalse(created.body().contains("4242424242424242"), "the card number is never answered");
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/topups/" + topUp.getString("id")));

        assertEquals(5000, balance(ann.id(), "WALLET", "USD"));
        assertEquals(100, HouseLedger.moved(http, "FEES", "USD", ann.id()), "the fee is booked to the fees account");
        assertEquals(5100, HouseLedger.moved(http, "FUNDING_CARD", "USD", ann.id()), "the card clearing account is owed the total");

        MailCatcher.Received receipt = MailCatcher.await(ann.email(), "top-up");
        assertTrue(receipt.text().contains("50.00 USD"), receipt.text());
        assertTrue(receipt.text().contains("51.00 USD"), receipt.text());
        assertTrue(receipt.text().contains(topUp.getString("id")), receipt.text());
        assertTrue(receipt.text().contains("/wallet/home.xhtml"), receipt.text());

        HttpResponse<String> read = http.get("/api/v1/topups/" + topUp.getString("id"), "Authorization", ann.bearer());
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("succeeded", Http.json(read).getString("status"));
        Person other = person("en");
        HttpResponse<String> foreign = http.get("/api/v1/topups/" + topUp.getString("id"), "Authorization", other.bearer());
        assertEquals(404, foreign.statusCode(), "someone else's top-up does not exist for you");
        assertEquals(401, http.get("/api/v1/topups/" + topUp.getString("id")).statusCode());
    }

    @Test
    @Order(2)
    @DisplayName("a replayed Idempotency-Key answers the first top-up and charges once; another body with it is 409; none is 400")
    void idempotentReplay() {
        Person bob = person("en");
        String key = UUID.randomUUID().toString();
        String body = card("20.00", "USD", "5555555555554444");
        HttpResponse<String> first = topUp(bob, key, body);
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> again = topUp(bob, key, body);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(Http.json(first).getString("id"), Http.json(again).getString("id"));
        assertEquals(2000, balance(bob.id(), "WALLET", "USD"), "credited once");

        HttpResponse<String> conflict = topUp(bob, key, card("21.00", "USD", "5555555555554444"));
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertEquals("idempotency_conflict", Http.json(conflict).getString("code"));

        HttpResponse<String> noKey = http.post("/api/v1/topups", body, "Authorization", bob.bearer());
        assertEquals(400, noKey.statusCode(), noKey.body());
        assertEquals("idempotency_key_invalid", Http.json(noKey).getString("code"));
        assertEquals(2000, balance(bob.id(), "WALLET", "USD"));
    }

    @Test
    @Order(3)
    @DisplayName("declined cards answer 422 with the reason and post nothing")
    void declines() {
        Person cat = person("zh-CN");
        HttpResponse<String> declined = topUp(cat, UUID.randomUUID().toString(), card("30.00", "USD", "4000000000000101"));
        assertEquals(422, declined.statusCode(), declined.body());
        assertEquals("card_declined", Http.json(declined).getString("code"));
        HttpResponse<String> poor = topUp(cat, UUID.randomUUID().toString(), card("30.00", "USD", "4000000000000200"),
                "Accept-Language", "zh-CN");
        assertEquals(422, poor.statusCode(), poor.body());
        assertEquals("card_insufficient_funds", Http.json(poor).getString("code"));
        assertTrue(Http.json(poor).getString("detail").contains("余额不足"), poor.body());
        assertEquals(0, balance(cat.id(), "WALLET", "USD"));
    }

    @Test
    @Order(4)
    @DisplayName("a card that asks for a one-time code: requires_action, a wrong code is refused, 123456 completes it once")
    void challenge() {
        Person dan = person("en");
        HttpResponse<String> created = topUp(dan, UUID.randomUUID().toString(), card("40.00", "USD", "4000000000000408"));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject topUp = Http.json(created);
        assertEquals("requires_action", topUp.getString("status"));
        assertEquals("one_time_code", topUp.getJsonObject("next_action").getString("type"));
        assertEquals(0, balance(dan.id(), "WALLET", "USD"), "nothing is credited before the code");
        String challenge = "/api/v1/topups/" + topUp.getString("id") + "/challenge";

        HttpResponse<String> wrong = http.post(challenge, "{\"code\":\"999999\"}", "Authorization", dan.bearer());
        assertEquals(422, wrong.statusCode(), wrong.body());
        assertEquals("card_challenge_code_wrong", Http.json(wrong).getString("code"));
        Person eve = person("en");
        assertEquals(404, http.post(challenge, "{\"code\":\"123456\"}", "Authorization", eve.bearer()).statusCode());

        HttpResponse<String> right = http.post(challenge, "{\"code\":\"123456\"}", "Authorization", dan.bearer());
        assertEquals(200, right.statusCode(), right.body());
        assertEquals("succeeded", Http.json(right).getString("status"));
        HttpResponse<String> twice = http.post(challenge, "{\"code\":\"123456\"}", "Authorization", dan.bearer());
        assertEquals(200, twice.statusCode(), twice.body());
        assertEquals(4000, balance(dan.id(), "WALLET", "USD"), "credited once");
    }

    @Test
    @Order(5)
    @DisplayName("negative, zero, too precise, unknown currency, above the maximum and a mistyped card are field errors")
    void badInput() {
        Person fay = person("en");
        assertFieldError(fay, card("-5.00", "USD", "4242424242424242"), "amount", "amount_not_positive");
        assertFieldError(fay, card("0", "USD", "4242424242424242"), "amount", "amount_not_positive");
        assertFieldError(fay, card("10.001", "USD", "4242424242424242"), "amount", "amount_too_precise");
        assertFieldError(fay, card("10.00", "XYZ", "4242424242424242"), "currency", "currency_unsupported");
        assertFieldError(fay, card("10000.01", "USD", "4242424242424242"), "amount", "topup_amount_above_maximum");
        assertFieldError(fay, card("10.00", "USD", "4242424242424241"), "card.number", "card_number_invalid");
        assertFieldError(fay, "{\"method\":\"cheque\",\"amount\":\"10.00\",\"currency\":\"USD\"}", "method", "topup_method_invalid");
        assertEquals(0, balance(fay.id(), "WALLET", "USD"));
    }

    @Test
    @Order(6)
    @DisplayName("a saved card (token, brand, last four, expiry) tops up again by card_id; only its owner can use it")
    void savedCard() {
        Person ned = person("en");
        String saving = """
                {"method":"card","amount":"10.00","currency":"USD","save_card":true,"card":{"number":"4242424242424242","exp_month":12,"exp_year":%d,"cvc":"123"}}"""
                .formatted(EXP_YEAR);
        assertEquals(201, topUp(ned, UUID.randomUUID().toString(), saving).statusCode());
        HttpResponse<String> cards = http.get("/api/v1/cards", "Authorization", ned.bearer());
        assertEquals(200, cards.statusCode(), cards.body());
        JsonObject saved = ((jakarta.json.JsonArray) Http.parse(cards.body())).getJsonObject(0);
        assertEquals("4242", saved.getString("last4"));
        assertFalse(cards.body().contains("tok"), "no token or number leaves OKPay: " + cards.body());
        String byId = "{\"method\":\"card\",\"amount\":\"12.00\",\"currency\":\"USD\",\"card_id\":\"%s\"}"
                .formatted(saved.getString("id"));
        HttpResponse<String> again = topUp(ned, UUID.randomUUID().toString(), byId);
        assertEquals(201, again.statusCode(), again.body());
        assertEquals("succeeded", Http.json(again).getString("status"));
        assertEquals(2200, balance(ned.id(), "WALLET", "USD"));

        Person oz = person("en");
        assertFieldError(oz, byId, "card_id", "saved_card_unknown");
        assertEquals(204, http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/cards/" + saved.getString("id")))
                .DELETE(), "Authorization", ned.bearer()).statusCode());
        assertFieldError(ned, byId, "card_id", "saved_card_unknown");
    }

    @Test
    @Order(6)
    @DisplayName("a person whose e-mail address is not verified cannot top up")
    void unverified() {
        Person gil = People.unverified();
        HttpResponse<String> refused = topUp(gil, UUID.randomUUID().toString(), card("10.00", "USD", "4242424242424242"));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("email_not_verified", Http.json(refused).getString("code"));
    }

    // ---- vouchers ---------------------------------------------------------------------------------------------

    @Test
    @Order(7)
    @DisplayName("operators issue vouchers shown once; a person redeems one once; reuse, expiry and other roles are refused")
    void vouchers() throws InterruptedException {
        Person operator = operator("FINANCE");
        Person hal = person("en");
        String batch = "{\"amount\":\"20.00\",\"currency\":\"EUR\",\"count\":3,\"expires_at\":\"%s\"}";
        HttpResponse<String> forbidden = http.post("/api/v1/admin/vouchers",
                batch.formatted(Instant.now().plusSeconds(86400)), "Authorization", hal.bearer());
        assertEquals(403, forbidden.statusCode(), forbidden.body());

        HttpResponse<String> issued = http.post("/api/v1/admin/vouchers", batch.formatted(Instant.now().plusSeconds(86400)),
                "Authorization", operator.bearer());
        assertEquals(201, issued.statusCode(), issued.body());
        List<String> codes = Http.json(issued).getJsonArray("codes").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
        assertEquals(3, codes.size());
        assertTrue(codes.get(0).matches("([2-9A-HJKMNP-Z]{4}-){4}[2-9A-HJKMNP-Z]{4}"), codes.get(0));
        String issuedAudit = audit(operator.id());
        assertTrue(issuedAudit.contains("VOUCHERS_ISSUED " + Http.json(issued).getString("id") + ": 3 x 20.00 EUR"), issuedAudit);
        assertFalse(issuedAudit.contains(codes.get(0)), "the audit log never holds a code");

        HttpResponse<String> redeemed = voucher(hal, UUID.randomUUID().toString(), codes.get(0).toLowerCase());
        assertEquals(201, redeemed.statusCode(), redeemed.body());
        assertEquals("succeeded", Http.json(redeemed).getString("status"));
        assertEquals("voucher", Http.json(redeemed).getString("method"));
        assertEquals(2000, balance(hal.id(), "WALLET", "EUR"));
        MailCatcher.await(hal.email(), "20.00 EUR");

        HttpResponse<String> reused = voucher(hal, UUID.randomUUID().toString(), codes.get(0));
        assertEquals(422, reused.statusCode(), reused.body());
        assertEquals("voucher_used", Http.json(reused).getString("code"));
        assertEquals(2000, balance(hal.id(), "WALLET", "EUR"), "a voucher credits once");

        HttpResponse<String> soon = http.post("/api/v1/admin/vouchers", batch.formatted(Instant.now().plusSeconds(2)),
                "Authorization", operator.bearer());
        assertEquals(201, soon.statusCode(), soon.body());
        String expiring = Http.json(soon).getJsonArray("codes").getString(0);
        Thread.sleep(3000);
        HttpResponse<String> expired = voucher(hal, UUID.randomUUID().toString(), expiring);
        assertEquals(422, expired.statusCode(), expired.body());
        assertEquals("voucher_expired", Http.json(expired).getString("code"));

        HttpResponse<String> past = http.post("/api/v1/admin/vouchers", batch.formatted(Instant.now().minusSeconds(60)),
                "Authorization", operator.bearer());
        assertEquals(400, past.statusCode(), past.body());
        assertEquals("expires_at", Http.json(past).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    @Order(8)
    @DisplayName("guessing voucher codes is slowed down: after five wrong codes the next try is 429 with Retry-After")
    void voucherGuessing() {
        Person ivy = person("en");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 10 && !statuses.contains(429); i++) {
            last = voucher(ivy, UUID.randomUUID().toString(), "2345-6789-ABCD-EFGH-JKM" + "NPQRSTUVWXYZ".charAt(i));
            statuses.add(last.statusCode());
        }
        assertTrue(statuses.contains(429), "throttled: " + statuses);
        assertTrue(statuses.indexOf(429) >= 5, "five wrong codes are free: " + statuses);
        assertEquals("voucher_attempts_throttled", Http.json(last).getString("code"));
        assertNotNull(last.headers().firstValue("Retry-After").orElse(null));
    }

    // ---- pages ------------------------------------------------------------------------------------------------

    @Test
    @Order(9)
    @DisplayName("in a browser: card, a field error, the confirmation with fee and total, a double submit that charges once; a bank transfer's reference; a voucher")
    void browserCardTopUp() throws Exception {
        Person kim = person("en");
        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, kim.email());
            browser.get(url("/funding/topup.xhtml"));
            click(browser, "topup:card");

            type(browser, "topup:amount", "25.001");
            type(browser, "topup:number", "4242 4242 4242 4242");
            type(browser, "topup:expMonth", "12");
            type(browser, "topup:expYear", String.valueOf(EXP_YEAR));
            type(browser, "topup:cvc", "123");
            click(browser, "topup:review");
            String fieldError = browser.findElement(By.id("topup:amount-error")).getText();
            assertTrue(fieldError.contains("2 decimal places"), "the error is next to the amount: " + fieldError);
            assertEquals("", browser.findElement(By.id("topup:number")).getAttribute("value"), "the card number is not echoed");

            type(browser, "topup:amount", "25.00");
            type(browser, "topup:number", "4242 4242 4242 4242");
            type(browser, "topup:cvc", "123");
            click(browser, "topup:review");
            String confirmation = browser.findElement(By.tagName("body")).getText();
            assertTrue(browser.findElement(By.id("confirm-fee")).getText().contains("0.63"), confirmation);
            assertTrue(browser.findElement(By.id("confirm-total")).getText().contains("25.63"), confirmation);
            assertTrue(confirmation.contains("Visa •••• 4242"), confirmation);
            assertFalse(browser.getPageSource().contains("4242424242424242"), "the card number is not in the page");

            // Two submits of the same confirmation, as an impatient double click sends them.
            var page = browser.findElement(By.tagName("html"));
            ((JavascriptExecutor) browser).executeScript(
                    "var b = document.getElementById('topup:confirm'); b.click(); b.click();");
            Browsers.awaitReplaced(browser, page);
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("reference")));
            String result = browser.findElement(By.tagName("body")).getText();
            assertTrue(result.contains("Top-up complete"), result);
            assertTrue(browser.findElement(By.id("reference")).getText().startsWith("top_"), result);
            assertTrue(browser.getPageSource().contains("/wallet/home.xhtml"), "the result links to the home page");
            assertEquals(2500, balance(kim.id(), "WALLET", "USD"), "charged and credited once");

            browser.get(url("/funding/topup.xhtml"));
            click(browser, "topup:bank");
            type(browser, "topup:amount", "80.00");
            new Select(browser.findElement(By.id("topup:currency"))).selectByValue("EUR");
            click(browser, "topup:review");
            assertTrue(browser.findElement(By.id("confirm-total")).getText().contains("80.00"));
            click(browser, "topup:confirm");
            String transfer = browser.findElement(By.tagName("body")).getText();
            assertTrue(browser.findElement(By.id("transfer-reference")).getText().matches("OKP-\\w{4}-\\w{4}"), transfer);
            assertFalse(browser.findElement(By.id("transfer-iban")).getText().isBlank(), transfer);
            assertTrue(transfer.contains("Send the transfer from your bank"), transfer);

            HttpResponse<String> issued = http.post("/api/v1/admin/vouchers",
                    "{\"amount\":\"15.00\",\"currency\":\"GBP\",\"count\":1,\"expires_at\":\"%s\"}"
                            .formatted(Instant.now().plusSeconds(3600)), "Authorization", operator("FINANCE").bearer());
            assertEquals(201, issued.statusCode(), issued.body());
            browser.get(url("/funding/topup.xhtml"));
            click(browser, "topup:voucher");
            type(browser, "topup:code", Http.json(issued).getJsonArray("codes").getString(0));
            click(browser, "topup:redeem");
            String redeemed = browser.findElement(By.tagName("body")).getText();
            assertTrue(redeemed.contains("Top-up complete") && redeemed.contains("15.00"), redeemed);
            assertEquals(1500, balance(kim.id(), "WALLET", "GBP"));
        } finally {
            browser.quit();
        }
    }

    // ---- bank transfers ---------------------------------------------------------------------------------------

    @Test
    @Order(10)
    // Unmatched statement lines touch no person's account: suspense is read before and after, and only this test moves it.
    @ResourceLock("okpay.it.house.suspense")
    @DisplayName("bank transfers: reference and bank details; CSV and camt.053 imports credit matched lines once; operators assign or return what is in suspense")
    void bankTransfers() {
        Person mia = person("en");
        Person operator = operator("FINANCE");
        HttpResponse<String> euros = topUp(mia, UUID.randomUUID().toString(),
                "{\"method\":\"bank_transfer\",\"amount\":\"100.00\",\"currency\":\"EUR\"}");
        assertEquals(201, euros.statusCode(), euros.body());
        JsonObject pending = Http.json(euros);
        assertEquals("pending", pending.getString("status"));
        assertEquals("100.00", pending.getString("total"));
        JsonObject transfer = pending.getJsonObject("bank_transfer");
        String reference = transfer.getString("reference");
        assertTrue(reference.matches("OKP-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}"), reference);
        assertFalse(transfer.getString("iban").isBlank());
        assertTrue(Instant.parse(transfer.getString("expires_at")).isAfter(Instant.now().plusSeconds(86400)));
        HttpResponse<String> dollars = topUp(mia, UUID.randomUUID().toString(),
                "{\"method\":\"bank_transfer\",\"amount\":\"30.00\",\"currency\":\"USD\"}");
        assertEquals(201, dollars.statusCode(), dollars.body());
        String usdReference = Http.json(dollars).getJsonObject("bank_transfer").getString("reference");
        long suspenseEur = balance("house", "SUSPENSE", "EUR");
        long suspenseUsd = balance("house", "SUSPENSE", "USD");

        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = String.join("\n",
                "booking_date,amount,currency,reference,counterparty,bank_transaction_id",
                "2026-11-20,100.00,EUR,Top-up " + reference.replace("-", " ") + " thanks,Mia,TX-" + run + "-1",
                "2026-11-20,55.00,EUR,no reference at all,Someone,TX-" + run + "-2",
                "2026-11-20,-12.00,EUR,Account fee November,,TX-" + run + "-3",
                "2026-11-20,29.00,USD," + usdReference + ",Mia,TX-" + run + "-4") + "\n";
        assertEquals(403, statement(mia, csv, "text/csv").statusCode(), "people cannot import statements");
        HttpResponse<String> imported = statement(operator, csv, "text/csv");
        assertEquals(200, imported.statusCode(), imported.body());
        JsonObject result = Http.json(imported);
        assertEquals("csv", result.getString("format"));
        assertEquals(1, result.getInt("matched"), imported.body());
        assertEquals(2, result.getInt("suspense"), "unknown reference, and a wrong amount: " + imported.body());
        assertEquals(1, result.getInt("ignored"), "money going out is not a top-up: " + imported.body());
        assertEquals(10000, balance(mia.id(), "WALLET", "EUR"));
        assertEquals(5500, balance("house", "SUSPENSE", "EUR") - suspenseEur);
        assertEquals(2900, balance("house", "SUSPENSE", "USD") - suspenseUsd);
        assertTrue(audit(operator.id()).contains("STATEMENT_IMPORTED " + result.getString("statement_id")
                + ": csv, 4 lines, 1 matched, 2 to suspense, 0 duplicates, 1 ignored"), audit(operator.id()));
        assertEquals("succeeded", Http.json(http.get("/api/v1/topups/" + pending.getString("id"), "Authorization",
                mia.bearer())).getString("status"));
        MailCatcher.await(mia.email(), "100.00 EUR");

        HttpResponse<String> again = statement(operator, csv, "text/csv");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(4, Http.json(again).getInt("duplicates"), again.body());
        assertEquals(0, Http.json(again).getInt("matched"));
        assertEquals(10000, balance(mia.id(), "WALLET", "EUR"), "the same statement twice credits once");
        assertEquals(5500, balance("house", "SUSPENSE", "EUR") - suspenseEur);

        String queue = http.get("/api/v1/admin/statements/suspense", "Authorization", operator.bearer()).body();
        assertTrue(queue.contains("TX-" + run + "-2") && queue.contains("TX-" + run + "-4"), queue);
        assertFalse(queue.contains("TX-" + run + "-1"), "matched lines are not in the queue: " + queue);
        HttpResponse<String> late = topUp(mia, UUID.randomUUID().toString(),
                "{\"method\":\"bank_transfer\",\"amount\":\"55.00\",\"currency\":\"EUR\"}");
        String lateId = Http.json(late).getString("id");
        String assign = "/api/v1/admin/statements/suspense/TX-" + run + "-2/assign";
        HttpResponse<String> assigned = http.post(assign, "{\"topup_id\":\"" + lateId + "\"}", "Authorization",
                operator.bearer());
        assertEquals(200, assigned.statusCode(), assigned.body());
        assertEquals(15500, balance(mia.id(), "WALLET", "EUR"), "the operator placed the money in suspense");
        assertEquals(0, balance("house", "SUSPENSE", "EUR") - suspenseEur);
        HttpResponse<String> twice = http.post(assign, "{\"topup_id\":\"" + lateId + "\"}", "Authorization",
                operator.bearer());
        assertEquals(409, twice.statusCode(), twice.body());
        assertEquals("statement_line_resolved", Http.json(twice).getString("code"));
        HttpResponse<String> returned = http.post("/api/v1/admin/statements/suspense/TX-" + run + "-4/return", "",
                "Authorization", operator.bearer());
        assertEquals(200, returned.statusCode(), returned.body());
        assertEquals(0, balance("house", "SUSPENSE", "USD") - suspenseUsd, "returned to the payer");
        assertFalse(http.get("/api/v1/admin/statements/suspense", "Authorization", operator.bearer()).body()
                .contains("TX-" + run + "-"), "the queue is worked off");
        String worked = audit(operator.id());
        assertTrue(worked.contains("SUSPENSE_ASSIGNED TX-" + run + "-2 to " + lateId + ", txn_"), worked);
        assertTrue(worked.contains("SUSPENSE_RETURNED TX-" + run + "-4, " + Http.json(returned).getString("transaction_id")), worked);

        // Statements are files: larger than a JSON body may be (1 MB), bounded all the same (10 MB).
        HttpResponse<String> large = statement(operator, "x".repeat(2 << 20), "text/csv");
        assertEquals(400, large.statusCode(), "read, and refused as a statement only: " + large.body());
        HttpResponse<String> tooLarge = statement(operator, "x".repeat((10 << 20) + 1), "text/csv");
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertEquals("request_too_large", Http.json(tooLarge).getString("code"));

        String camt = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-%1$s</MsgId><CreDtTm>2026-11-21T18:00:00Z</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>STMT-%1$s</Id>
                      <Acct><Id><IBAN>GB33BUKB20201555555555</IBAN></Id><Ccy>USD</Ccy></Acct>
                      <Ntry>
                        <Amt Ccy="USD">30.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>2026-11-21</Dt></BookgDt>
                        <AcctSvcrRef>CAMT-%1$s-1</AcctSvcrRef>
                        <NtryDtls><TxDtls>
                          <Amt Ccy="USD">30.00</Amt>
                          <RltdPties><Dbtr><Pty><Nm>Mia</Nm></Pty></Dbtr></RltdPties>
                          <RmtInf><Ustrd>%2$s</Ustrd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(run, usdReference);
        HttpResponse<String> camtImport = statement(operator, camt, "application/xml");
        assertEquals(200, camtImport.statusCode(), camtImport.body());
        assertEquals("camt.053", Http.json(camtImport).getString("format"));
        assertEquals(1, Http.json(camtImport).getInt("matched"), camtImport.body());
        assertEquals(3000, balance(mia.id(), "WALLET", "USD"));
        assertEquals(1, Http.json(statement(operator, camt, "application/xml")).getInt("duplicates"));
        assertEquals(3000, balance(mia.id(), "WALLET", "USD"));
    }

    /** The audit log's records of one actor, "EVENT detail" per line. */
    String audit(String actor) {
        HttpResponse<String> read = http.get("/api/v1/test-audit?actor=" + actor);
        assertEquals(200, read.statusCode(), read.body());
        return read.body();
    }

    HttpResponse<String> statement(Person person, String file, String type) {
        return http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/admin/statements"))
                .header("Content-Type", type)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(file)), "Authorization", person.bearer());
    }

    @Test
    @Order(98)
    @DisplayName("a timeout after the card was authorised: 503, the authorisation is found by its key and voided, nothing posted")
    void timeoutAfterAuthorisation() {
        Person lea = person("en");
        HttpResponse<String> slow = topUp(lea, UUID.randomUUID().toString(), card("12.00", "USD", "4000000000000606"));
        assertEquals(503, slow.statusCode(), slow.body());
        assertEquals("card_gateway_unavailable", Http.json(slow).getString("code"));
        String[] latest = http.get("/api/v1/test-topup/latest?user=" + lea.id()).body().split(" ");
        assertEquals("FAILED", latest[1], "settled at once, not left pending");
        HttpResponse<String> atSandbox = http.get("/sandbox/acquirer/v1/authorizations?idempotency_key=" + latest[0],
                "Authorization", "Bearer sk_sandbox_okpay");
        assertEquals(200, atSandbox.statusCode(), atSandbox.body());
        assertEquals("voided", Http.json(atSandbox).getString("status"), "the reservation on the card is released");
        assertEquals(0, balance(lea.id(), "WALLET", "USD"));
    }

    // ---- the processor is down --------------------------------------------------------------------------------

    @Test
    @Order(99)
    @DisplayName("an unreachable card processor is a 503 'try again later' and nothing is posted")
    void processorDown() throws Exception {
        Person jon = person("en");
        proxy.close();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> down = topUp(jon, UUID.randomUUID().toString(), card("15.00", "USD", "4242424242424242"));
            assertEquals(503, down.statusCode(), down.body());
            assertEquals("card_gateway_unavailable", Http.json(down).getString("code"));
        }
        assertEquals(0, balance(jon.id(), "WALLET", "USD"));
        assertEquals(0, HouseLedger.moved(http, "FUNDING_CARD", "USD", jon.id()));

        // The processor is back: once the open circuit's delay is over, a top-up goes through again.
        proxy = AcquirerProxy.start(base);
        HttpResponse<String> back = null;
        for (int attempt = 0; attempt < 30 && (back == null || back.statusCode() == 503); attempt++) {
            Thread.sleep(1000);
            back = topUp(jon, UUID.randomUUID().toString(), card("15.00", "USD", "4242424242424242"));
        }
        assertEquals(201, back.statusCode(), back.body());
        assertEquals(1500, balance(jon.id(), "WALLET", "USD"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    static void type(WebDriver browser, String id, String text) {
        var field = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    /** Presses a button and waits until the next page has replaced this one. */
    static void click(WebDriver browser, String id) {
        var current = browser.findElement(By.tagName("html"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id(id))).click();
        Browsers.awaitReplaced(browser, current);
    }

    static String card(String amount, String currency, String number) {
        return """
                {"method":"card","amount":"%s","currency":"%s","card":{"number":"%s","exp_month":12,"exp_year":%d,"cvc":"123"}}"""
                .formatted(amount, currency, number, EXP_YEAR);
    }

    HttpResponse<String> topUp(Person person, String key, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", person.bearer(), "Idempotency-Key", key));
        all.addAll(List.of(headers));
        return http.post("/api/v1/topups", body, all.toArray(String[]::new));
    }

    HttpResponse<String> voucher(Person person, String key, String code) {
        return topUp(person, key, "{\"method\":\"voucher\",\"code\":\"" + code + "\"}");
    }

    void assertFieldError(Person person, String body, String field, String code) {
        HttpResponse<String> refused = topUp(person, UUID.randomUUID().toString(), body);
        assertEquals(400, refused.statusCode(), refused.body());
        JsonObject error = Http.json(refused).getJsonArray("errors").getJsonObject(0);
        assertEquals(field, error.getString("field"), refused.body());
        assertEquals(code, error.getString("code"), refused.body());
    }

    long balance(String owner, String purpose, String currency) {
        HttpResponse<String> read = http.get("/api/v1/test-topup/balance?owner=" + owner + "&purpose=" + purpose
                + "&currency=" + currency);
        assertEquals(200, read.statusCode(), read.body());
        return Long.parseLong(read.body().strip());
    }
}
