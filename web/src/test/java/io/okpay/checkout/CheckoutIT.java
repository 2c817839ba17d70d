package io.okpay.checkout;

import static io.okpay.it.ProblemAssertions.assertFieldError;
import static io.okpay.it.ProblemAssertions.assertNotFound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static io.okpay.it.MailCatcher.codeMails;
import static io.okpay.it.MailCatcher.nextCode;
import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.fund;
import static io.okpay.it.People.operator;
import static io.okpay.it.People.person;
import static io.okpay.it.People.unverified;

import com.sun.net.httpserver.HttpServer;
import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.HouseLedger;
import io.okpay.it.MailCatcher;
import io.okpay.it.People.Person;
import io.okpay.it.Race;
import io.okpay.it.TestServer;
import io.okpay.merchant.MerchantTestSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkout black box: merchants (approved through MerchantTestSupport) create, read, list and expire sessions through
 * the API; people pay them (the checkout page's payment, and in a real browser); merchants refund. Money is checked in
 * the ledger's balances and by a reconciliation at the end of each money test.
 */
@Order(4)
class CheckoutIT {

    final URL base = TestServer.base();

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    record Shop(String id, String token, Person owner) {
    }

    // ---- sessions -------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("sessions: create, replay, conflict, read, list with a cursor, expire; another merchant gets 404")
    void sessions() {
        Shop shop = shop("EUR");
        Shop other = shop("EUR");
        String body = sessionBody("19.99", "EUR", "order-1", """
                ,"metadata":{"cart":"42","channel":"web"},"customer_email":"Buyer@Example.com\"""");
        HttpResponse<String> created = create(shop, "k1", body);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject session = Http.json(created);
        String id = session.getString("id");
        assertTrue(id.startsWith("cs_"), created.body());
        assertEquals("checkout.session", session.getString("object"));
        assertEquals("open", session.getString("status"));
        assertEquals("19.99", session.getString("amount"));
        assertEquals("EUR", session.getString("currency"));
        assertEquals("order-1", session.getString("merchant_reference"));
        assertEquals("buyer@example.com", session.getString("customer_email"));
        assertEquals("42", session.getJsonObject("metadata").getString("cart"));
        assertTrue(session.getString("url").endsWith("/checkout/pay.xhtml?session=" + id), created.body());
        assertTrue(session.isNull("payment"));
        Instant createdAt = Instant.parse(session.getString("created"));
        assertEquals(createdAt.plusSeconds(24 * 3600), Instant.parse(session.getString("expires_at")));
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/checkout/sessions/" + id));

        HttpResponse<String> replay = create(shop, "k1", body);
        assertEquals(201, replay.statusCode(), replay.body());
        assertEquals(id, Http.json(replay).getString("id"));
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
        HttpResponse<String> conflict = create(shop, "k1", sessionBody("20.00", "EUR", "order-1", ""));
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertEquals("idempotency_conflict", Http.json(conflict).getString("code"));
        assertEquals(201, create(other, "k1", body).statusCode(), "keys belong to one merchant");

        HttpResponse<String> read = http.get("/api/v1/checkout/sessions/" + id, auth(shop));
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(session, Http.json(read));
        assertNotFound(http.get("/api/v1/checkout/sessions/" + id, auth(other)));
        assertNotFound(http.post("/api/v1/checkout/sessions/" + id + "/expire", "", auth(other)));
        assertNotFound(http.get("/api/v1/checkout/sessions/cs_unknown", auth(shop)));
        assertEquals(401, http.get("/api/v1/checkout/sessions/" + id).statusCode());
        Person somebody = person("en");
        assertEquals(403, http.get("/api/v1/checkout/sessions/" + id, "Authorization", "Bearer " + somebody.token())
                .statusCode(), "a person's token is not a merchant's");

        String second = Http.json(create(shop, "k2", sessionBody("5.00", "EUR", "order-2", ""))).getString("id");
        JsonObject page = Http.json(http.get("/api/v1/checkout/sessions?limit=1", auth(shop)));
        assertEquals(second, page.getJsonArray("data").getJsonObject(0).getString("id"));
        assertTrue(page.getBoolean("has_more"));
        JsonObject next = Http.json(http.get("/api/v1/checkout/sessions?limit=1&starting_after=" + second, auth(shop)));
        assertEquals(id, next.getJsonArray("data").getJsonObject(0).getString("id"));
        assertFalse(next.getBoolean("has_more"));
        assertEquals(400, http.get("/api/v1/checkout/sessions?limit=101", auth(shop)).statusCode());
        assertEquals(400, http.get("/api/v1/checkout/sessions?starting_after=" + id, auth(other)).statusCode());

        HttpResponse<String> expired = http.post("/api/v1/checkout/sessions/" + id + "/expire", "", auth(shop));
        assertEquals(200, expired.statusCode(), expired.body());
        assertEquals("expired", Http.json(expired).getString("status"));
        HttpResponse<String> again = http.post("/api/v1/checkout/sessions/" + id + "/expire", "", auth(shop));
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("session_not_open", Http.json(again).getString("code"));
        assertEquals("1", events(shop, "checkout.session.expired"));

        // Past its time: expired by whoever reads it first, or by the expiry job; announced once either way.
        assertEquals("1", http.post("/api/v1/test-checkout/due/" + second, "").body());
        assertEquals("expired", Http.json(http.get("/api/v1/checkout/sessions/" + second, auth(shop))).getString("status"));
        String third = Http.json(create(shop, "k3", sessionBody("6.00", "EUR", "order-3", ""))).getString("id");
        assertEquals("1", http.post("/api/v1/test-checkout/due/" + third, "").body());
        http.post("/api/v1/test-checkout/expire-due", "");
        assertEquals("expired", Http.json(http.get("/api/v1/checkout/sessions/" + third, auth(shop))).getString("status"));
        assertEquals("3", events(shop, "checkout.session.expired"));
    }

    @Test
    @DisplayName("sessions: invalid fields are 400 with one error per field; a merchant that is not live is refused")
    void sessionRefusals() {
        Shop shop = shop("USD");
        assertFieldError(create(shop, "v1", sessionBody("0", "USD", "r", "")), "amount", "amount_not_positive");
        assertFieldError(create(shop, "v2", sessionBody("1.001", "USD", "r", "")), "amount", "amount_too_precise");
        assertFieldError(create(shop, "v3", sessionBody("1.00", "XYZ", "r", "")), "currency", "currency_unsupported");
        assertFieldError(create(shop, "v4", """
                {"amount":"1.00","currency":"USD","success_url":"javascript:alert(1)","cancel_url":"https://shop.example/c"}"""),
                "success_url", "return_url_invalid");
        assertFieldError(create(shop, "v5", """
                {"amount":"1.00","currency":"USD","success_url":"https://shop.example/s"}"""), "cancel_url", "return_url_invalid");
        assertFieldError(create(shop, "v6", sessionBody("1.00", "USD", "r", ",\"customer_email\":\"nobody\"")),
                "customer_email", "email_invalid");
        assertFieldError(create(shop, "v7", sessionBody("1.00", "USD", "x".repeat(101), "")),
                "merchant_reference", "text_too_long");
        StringBuilder many = new StringBuilder(",\"metadata\":{");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertFieldError(create(shop, "v8", sessionBody("1.00", "USD", "r", many + "}")), "metadata", "metadata_too_many_keys");
        assertFieldError(create(shop, "v9", sessionBody("1.00", "USD", "r", ",\"metadata\":{\"" + "k".repeat(41) + "\":\"v\"}")),
                "metadata", "metadata_key_invalid");
        assertFieldError(create(shop, "v10", sessionBody("1.00", "USD", "r", ",\"metadata\":{\"k\":\"" + "v".repeat(501) + "\"}")),
                "metadata", "metadata_value_invalid");
        assertFieldError(create(shop, "v11", sessionBody("1.00", "USD", "r", ",\"metadata\":{\"k\":{\"nested\":\"no\"}}")),
                "metadata", "metadata_value_invalid");
        assertFieldError(http.post("/api/v1/checkout/sessions", sessionBody("1.00", "USD", "r", ""), auth(shop)),
                "Idempotency-Key", "idempotency_key_invalid");

        assertEquals("SUSPENDED", http.post("/api/v1/test-checkout/suspend/" + shop.id(), "").body());
        HttpResponse<String> suspended = create(shop, "v12", sessionBody("1.00", "USD", "r", ""));
        assertEquals(403, suspended.statusCode(), suspended.body());
        assertEquals("merchant_not_live", Http.json(suspended).getString("code"));
    }

    // ---- payments -------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("payment from the balance: code the first time, fee to OKPay, the rest to the merchant, e-mails, events; once only")
    void payFromBalance() throws Exception {
        Shop shop = shop("EUR");
        Person payer = person("en");
        fund(payer, "EUR", "300.00");
        String sessionId = session(shop, "p1", "100.00", "EUR", "A-1001");

        HttpResponse<String> challenged = pay(payer, sessionId, null, null);
        assertEquals(403, challenged.statusCode(), challenged.body());
        assertEquals("step_up_required", Http.json(challenged).getString("code"), "a merchant new to the payer");
        HttpResponse<String> paid = pay(payer, sessionId, Http.json(challenged).getString("challenge_id"), nextCode(payer.email(), 1));
        assertEquals(200, paid.statusCode(), paid.body());
        JsonObject payment = Http.json(paid);
        String paymentId = payment.getString("id");
        assertTrue(paymentId.startsWith("pay_"), paid.body());
        assertEquals("succeeded", payment.getString("status"));
        assertEquals("100.00", payment.getString("amount"));
        assertEquals("3.15", payment.getString("fee"), "2.9 % rounded up plus 0.25");
        assertEquals("96.85", payment.getString("net"));
        assertEquals("0.00", payment.getString("amount_refunded"));
        assertEquals(payer.email(), payment.getString("payer_email"));

        assertEquals(20000, balance("USER", payer.id(), "EUR"));
        assertEquals(9685, balance("MERCHANT", shop.id(), "EUR"));
        assertEquals(315, HouseLedger.moved(http, "FEES", "EUR", payer.id()), "the fee, in the payer's postings");
        JsonObject session = Http.json(http.get("/api/v1/checkout/sessions/" + sessionId, auth(shop)));
        assertEquals("complete", session.getString("status"));
        assertEquals(paymentId, session.getString("payment"));
        assertEquals(payment, Http.json(http.get("/api/v1/payments/" + paymentId, auth(shop))));
        assertNotFound(http.get("/api/v1/payments/" + paymentId, auth(shop("EUR"))));

        // The same payer again (a reload, a double click): the same payment, no second posting.
        assertEquals(paymentId, Http.json(pay(payer, sessionId, null, null)).getString("id"));
        HttpResponse<String> someoneElse = pay(person("en"), sessionId, null, null);
        assertEquals(409, someoneElse.statusCode(), someoneElse.body());
        assertEquals("session_complete", Http.json(someoneElse).getString("code"));
        assertEquals(20000, balance("USER", payer.id(), "EUR"));

        MailCatcher.Received receipt = MailCatcher.await(payer.email(), "You paid");
        assertTrue(receipt.subject().contains("€100.00") && receipt.text().contains("A-1001")
                && receipt.text().contains(paymentId), receipt.text());
        MailCatcher.Received order = MailCatcher.await("support@shop.example", "order A-1001");
        assertTrue(order.text().contains("€3.15") && order.text().contains("€96.85"), order.text());
        assertEquals("1", events(shop, "checkout.session.completed"));
        assertEquals("1", events(shop, "payment.succeeded"));

        // Known merchant, small amount: no code; twelve concurrent confirms pay once.
        String racing = session(shop, "p2", "10.00", "EUR", "A-1002");
        Race.oneId(12, 200, i -> pay(payer, racing, null, null));
        assertEquals(19000, balance("USER", payer.id(), "EUR"));
        assertEquals(9685 + 1000 - 54, balance("MERCHANT", shop.id(), "EUR"));
        assertEquals("2", events(shop, "payment.succeeded"));

        JsonObject list = Http.json(http.get("/api/v1/payments?limit=1", auth(shop)));
        assertEquals(1, list.getJsonArray("data").size());
        assertTrue(list.getBoolean("has_more"));
        String newest = list.getJsonArray("data").getJsonObject(0).getString("id");
        JsonObject rest = Http.json(http.get("/api/v1/payments?starting_after=" + newest, auth(shop)));
        assertEquals(paymentId, rest.getJsonArray("data").getJsonObject(0).getString("id"));
        assertEquals(0, Http.json(http.get("/api/v1/payments?created_from="
                + URLEncoder.encode(Instant.now().plusSeconds(60).toString(), StandardCharsets.UTF_8), auth(shop)))
                .getJsonArray("data").size());
        assertEquals(400, http.get("/api/v1/payments?status=lost", auth(shop)).statusCode());
        assertReconciled();
    }

    @Test
    @DisplayName("payment refusals: too little money (then paid after a top-up), own shop, expired session, unverified payer")
    void paymentRefusals() {
        Shop shop = shop("USD");
        Person payer = person("en");
        fund(payer, "USD", "5.00");
        String sessionId = session(shop, "r1", "8.00", "USD", "B-1");
        HttpResponse<String> challenged = pay(payer, sessionId, null, null);
        String challengeId = Http.json(challenged).getString("challenge_id");
        HttpResponse<String> tooLittle = pay(payer, sessionId, challengeId, nextCode(payer.email(), 1));
        assertEquals(422, tooLittle.statusCode(), tooLittle.body());
        assertEquals("insufficient_funds", Http.json(tooLittle).getString("code"));
        assertEquals("open", Http.json(http.get("/api/v1/checkout/sessions/" + sessionId, auth(shop))).getString("status"));

        fund(payer, "USD", "5.00");
        String again = Http.json(pay(payer, sessionId, null, null)).getString("challenge_id");
        HttpResponse<String> paid = pay(payer, sessionId, again, nextCode(payer.email(), 2));
        assertEquals(200, paid.statusCode(), paid.body());
        assertEquals(200, balance("USER", payer.id(), "USD"));

        HttpResponse<String> own = pay(shop.owner(), session(shop, "r2", "1.00", "USD", "B-2"), null, null);
        assertEquals(422, own.statusCode(), own.body());
        assertEquals("own_merchant_payment", Http.json(own).getString("code"));

        String late = session(shop, "r3", "1.00", "USD", "B-3");
        http.post("/api/v1/test-checkout/due/" + late, "");
        HttpResponse<String> expired = pay(payer, late, null, null);
        assertEquals(409, expired.statusCode(), expired.body());
        assertEquals("session_expired", Http.json(expired).getString("code"));

        HttpResponse<String> unverified = pay(unverified(), session(shop, "r4", "1.00", "USD", "B-4"), null, null);
        assertEquals(403, unverified.statusCode(), unverified.body());
        assertEquals("email_not_verified", Http.json(unverified).getString("code"));
        assertReconciled();
    }

    // ---- refunds --------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("refunds: partial, replayed, conflicting, above what is left, the rest; another merchant 404; no balance 422")
    void refunds() {
        Shop shop = shop("EUR");
        Shop other = shop("EUR");
        Person payer = person("en");
        fund(payer, "EUR", "100.00");
        String paymentId = paid(shop, payer, "100.00", "EUR", "C-1");
        assertEquals(0, balance("USER", payer.id(), "EUR"));

        HttpResponse<String> partial = refund(shop, paymentId, "f1", "{\"amount\":\"30.00\",\"reason\":\"one item back\"}");
        assertEquals(201, partial.statusCode(), partial.body());
        JsonObject refund = Http.json(partial);
        assertTrue(refund.getString("id").startsWith("re_"), partial.body());
        assertEquals("30.00", refund.getString("amount"));
        assertEquals("one item back", refund.getString("reason"));
        assertEquals(paymentId, refund.getString("payment"));
        String location = partial.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/v1/payments/" + paymentId + "/refunds/" + refund.getString("id")), location);
        assertEquals(refund, Http.json(http.get(location.substring(location.indexOf("/api/v1/")), auth(shop))));
        assertNotFound(http.get(location.substring(location.indexOf("/api/v1/")), auth(other)));
        HttpResponse<String> replay = refund(shop, paymentId, "f1", "{\"amount\":\"30.00\",\"reason\":\"one item back\"}");
        assertEquals(refund.getString("id"), Http.json(replay).getString("id"));
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
        HttpResponse<String> conflict = refund(shop, paymentId, "f1", "{\"amount\":\"31.00\",\"reason\":\"one item back\"}");
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertEquals(3000, balance("USER", payer.id(), "EUR"));
        assertEquals(9685 - 3000, balance("MERCHANT", shop.id(), "EUR"), "OKPay keeps its fee");
        JsonObject payment = Http.json(http.get("/api/v1/payments/" + paymentId, auth(shop)));
        assertEquals("partially_refunded", payment.getString("status"));
        assertEquals("30.00", payment.getString("amount_refunded"));

        HttpResponse<String> tooMuch = refund(shop, paymentId, "f2", "{\"amount\":\"70.01\"}");
        assertEquals(422, tooMuch.statusCode(), tooMuch.body());
        assertEquals("refund_exceeds_payment", Http.json(tooMuch).getString("code"));
        assertFieldError(refund(shop, paymentId, "f3", "{\"amount\":\"-1\"}"), "amount", "amount_not_positive");
        assertNotFound(refund(other, paymentId, "f4", "{}"));
        assertNotFound(http.get("/api/v1/payments/" + paymentId + "/refunds", auth(other)));

        // The merchant received 96.85 and gave 30.00 back: 66.85 left, too little for the remaining 70.00.
        HttpResponse<String> noBalance = refund(shop, paymentId, "f5", "{}");
        assertEquals(422, noBalance.statusCode(), noBalance.body());
        assertEquals("insufficient_funds", Http.json(noBalance).getString("code"));
        assertEquals("30.00", Http.json(http.get("/api/v1/payments/" + paymentId, auth(shop))).getString("amount_refunded"),
                "a refused refund does not count");

        // Another customer's payment gives the merchant enough; then the rest of the first one goes back.
        Person second = person("en");
        fund(second, "EUR", "10.00");
        paid(shop, second, "10.00", "EUR", "C-2");
        HttpResponse<String> rest = refund(shop, paymentId, "f6", "{}");
        assertEquals(201, rest.statusCode(), rest.body());
        assertEquals("70.00", Http.json(rest).getString("amount"));
        assertEquals("refunded", Http.json(http.get("/api/v1/payments/" + paymentId, auth(shop))).getString("status"));
        assertEquals(10000, balance("USER", payer.id(), "EUR"));
        assertEquals(422, refund(shop, paymentId, "f7", "{\"amount\":\"0.01\"}").statusCode());
        JsonArray refunds = Http.json(http.get("/api/v1/payments/" + paymentId + "/refunds", auth(shop))).getJsonArray("data");
        assertEquals(2, refunds.size());
        assertEquals("70.00", refunds.getJsonObject(0).getString("amount"));
        assertEquals("2", events(shop, "refund.succeeded"));
        MailCatcher.Received notice = MailCatcher.await(payer.email(), "refunded €70.00");
        assertTrue(notice.text().contains("C-1"), notice.text());
        assertReconciled();
    }

    // ---- each side of a payment -----------------------------------------------------------------------------------

    @Test
    @DisplayName("each side sees its own: the payer the shop, the order and no fee (API, CSV, statement, pages, e-mails); "
            + "the shop the payer, its fee and the net; refunds likewise")
    void eachSideSeesItsOwn() throws Exception {
        Shop shop = shop("EUR");
        Person payer = person("en");
        fund(payer, "EUR", "50.00");
        String order = "S-" + UUID.randomUUID().toString().substring(0, 8);
        String paymentId = paid(shop, payer, "12.00", "EUR", order);
        HttpResponse<String> refunded = refund(shop, paymentId, "side-1", "{\"amount\":\"5.00\",\"reason\":\"one mug chipped\"}");
        assertEquals(201, refunded.statusCode(), refunded.body());
        String refundId = Http.json(refunded).getString("id");

        // The payer's API: the shop, the order and what was bought; the shop's fee (0.60) is nowhere.
        JsonObject payment = Http.json(http.get("/api/v1/transactions?type=payment", bearer(payer)))
                .getJsonArray("data").getJsonObject(0);
        assertEquals("-12.00 0.00 Mug Shop " + order + " Blue mug", payment.getString("amount") + " "
                + payment.getString("fee") + " " + payment.getString("counterparty", "null") + " "
                + payment.getString("order", "null") + " " + payment.getString("note", "null"), payment.toString());
        String paymentTxn = payment.getString("transaction_id");
        JsonObject detail = Http.json(http.get("/api/v1/transactions/" + paymentTxn, bearer(payer)));
        assertEquals("Mug Shop " + order + " " + paymentId, detail.getString("counterparty", "null") + " "
                + detail.getString("order", "null") + " " + detail.getString("reference", "null"), detail.toString());
        assertEquals("-12.00 0.00", detail.getJsonArray("lines").getJsonObject(0).getString("amount") + " "
                + detail.getJsonArray("lines").getJsonObject(0).getString("fee"), detail.toString());
        JsonObject refund = Http.json(http.get("/api/v1/transactions?type=refund", bearer(payer)))
                .getJsonArray("data").getJsonObject(0);
        assertEquals("5.00 0.00 Mug Shop " + order + " one mug chipped", refund.getString("amount") + " "
                + refund.getString("fee") + " " + refund.getString("counterparty", "null") + " "
                + refund.getString("order", "null") + " " + refund.getString("note", "null"), refund.toString());
        String refundTxn = refund.getString("transaction_id");
        assertEquals(refundId, Http.json(http.get("/api/v1/transactions/" + refundTxn, bearer(payer))).getString("reference"));
        JsonArray atTheShop = Http.json(http.get("/api/v1/transactions?counterparty=mug%20SHOP", bearer(payer))).getJsonArray("data");
        assertEquals(List.of(refundTxn, paymentTxn), atTheShop.getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("transaction_id")).toList(), "the history filtered by part of the shop's name");

        // The payer's CSV and statement: the same side, in sentences.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String export = http.get("/api/v1/transactions/export?from=" + today.minusDays(1) + "&to=" + today.plusDays(1),
                bearer(payer)).body();
        assertTrue(export.contains(paymentTxn + ",Payment to a shop,Payment to Mug Shop for order " + order + ",Mug Shop,"
                + order + ",Blue mug,-12.00,EUR,0.00,38.00\r\n"), export);
        assertTrue(export.contains(refundTxn + ",Refund from a shop,Refund from Mug Shop for order " + order + ",Mug Shop,"
                + order + ",one mug chipped,5.00,EUR,0.00,43.00\r\n"), export);
        JsonObject statement = Http.json(http.get("/api/v1/statements/" + YearMonth.now(ZoneOffset.UTC) + "?currency=EUR",
                bearer(payer)));
        JsonObject paidEntry = statement.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("transaction_id").equals(paymentTxn)).findFirst().orElseThrow();
        assertEquals("0.00 Mug Shop", paidEntry.getString("fee") + " " + paidEntry.getString("counterparty", "null"));

        // The e-mails: the payer's name the shop and the order, never the fee; the shop's show the payer, fee and net.
        MailCatcher.Received receipt = MailCatcher.await(payer.email(), "You paid €12.00 to Mug Shop");
        assertTrue(receipt.text().contains(order) && receipt.text().contains("Blue mug")
                && !receipt.text().contains("0.60") && !receipt.text().contains("11.40"), receipt.text());
        MailCatcher.Received orderMail = MailCatcher.await("support@shop.example", "order " + order);
        assertTrue(orderMail.text().contains(payer.email()) && orderMail.text().contains("€0.60")
                && orderMail.text().contains("€11.40"), orderMail.text());
        MailCatcher.Received refundMail = MailCatcher.await(payer.email(), "Mug Shop refunded €5.00 to you");
        assertTrue(refundMail.text().contains(order) && refundMail.text().contains(refundId)
                && !refundMail.text().contains("0.60"), refundMail.text());
        assertTrue(MailCatcher.await("support@shop.example", "You refunded €5.00 to " + payer.email()).text().contains(order));

        WebDriver browser = Browsers.chromium();
        try {
            // At 127.0.0.1, a secure context for the browser, where the clipboard (and so the copy button) exists.
            browser.get(loopback("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, payer.email());

            // The payer's detail page: what, with whom, amount, order, note first; no fee; the ids small below.
            browser.get(loopback("/wallet/transaction.xhtml?id=" + paymentTxn));
            waitFor(browser, "transaction");
            assertEquals("Payment to Mug Shop for order " + order, browser.findElement(By.id("what")).getText());
            assertEquals("Mug Shop", browser.findElement(By.id("counterparty")).getText());
            assertEquals(order, browser.findElement(By.id("order")).getText());
            assertEquals("Blue mug", browser.findElement(By.id("note")).getText());
            String page = text(browser);
            assertTrue(page.contains("-€12.00") && !page.contains("0.60") && !page.contains("Fee"), page);
            assertTrue(browser.findElements(By.cssSelector(".fee, #fee-hint")).isEmpty(), page);
            assertTrue(page.indexOf("Payment to Mug Shop") < page.indexOf("-€12.00")
                    && page.indexOf("-€12.00") < page.indexOf(paymentTxn), "ids after what a person reads: " + page);
            String ids = browser.findElement(By.id("ids")).getText();
            assertTrue(ids.contains(paymentTxn) && ids.contains(paymentId), ids);
            WebElement copy = browser.findElement(By.cssSelector("#ids button[data-copy=transaction-id]"));
            assertTrue(copy.isDisplayed(), "the copy button, shown by its script");
            copy.click();
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> copy.getText().equals("Copied"));

            browser.get(loopback("/wallet/transaction.xhtml?id=" + refundTxn));
            waitFor(browser, "transaction");
            assertEquals("Refund from Mug Shop for order " + order, browser.findElement(By.id("what")).getText());
            assertEquals("one mug chipped", browser.findElement(By.id("note")).getText());
            assertTrue(text(browser).contains("+€5.00") && browser.findElements(By.cssSelector(".fee")).isEmpty(), text(browser));
            assertTrue(browser.findElement(By.id("ids")).getText().contains(refundId), text(browser));

            // In Chinese: whole sentences on the history page and in its CSV download.
            browser.get(loopback("/wallet/history.xhtml?lang=zh-CN"));
            waitFor(browser, "history");
            String history = browser.findElement(By.id("history")).getText();
            assertTrue(history.contains("向 Mug Shop 付款（订单 " + order + "）")
                    && history.contains("来自 Mug Shop 的退款（订单 " + order + "）"), history);
            String csvLink = browser.findElement(By.id("download")).getAttribute("href");
            String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            String csv = http.get(csvLink.substring(csvLink.indexOf("/wallet/")), "Cookie", cookies).body();
            assertTrue(csv.contains(paymentTxn + ",商户付款,向 Mug Shop 付款（订单 " + order + "）,Mug Shop," + order
                    + ",Blue mug,-12.00,EUR,0.00,38.00\r\n"), csv);

            // The shop owner's side of the same payment: the payer, the amount, OKPay's fee and the net.
            browser.manage().deleteAllCookies();
            browser.get(loopback("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, shop.owner().email());
            browser.get(loopback("/merchant/payments.xhtml?payment=" + paymentId));
            waitFor(browser, "payment");
            String shopSide = browser.findElement(By.id("payment")).getText();
            assertTrue(shopSide.contains(payer.email()) && shopSide.contains(order) && shopSide.contains("€12.00")
                    && shopSide.contains("€0.60") && shopSide.contains("€11.40"), shopSide);
            assertTrue(browser.findElement(By.id("refunds")).getText().contains(refundId), text(browser));
        } finally {
            browser.quit();
        }
        assertReconciled();
    }

    // ---- pages ----------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("in a browser: shop -> checkout page -> sign in -> code (sent again) -> pay -> back at the shop's success page; paid once")
    void browserCheckout() throws Exception {
        Shop shop = shop("EUR");
        Person payer = person("en");
        fund(payer, "EUR", "50.00");
        HttpServer shopSite = shopSite();
        try {
            String shopUrl = "http://127.0.0.1:" + shopSite.getAddress().getPort();
            HttpResponse<String> created = create(shop, "b1", """
                    {"amount":"25.00","currency":"EUR","merchant_reference":"W-77","description":"Two blue mugs",\
                    "success_url":"%s/done?order=W-77","cancel_url":"%s/cart"}""".formatted(shopUrl, shopUrl));
            assertEquals(201, created.statusCode(), created.body());
            String sessionId = Http.json(created).getString("id");
            WebDriver browser = Browsers.chromium();
            try {
                browser.get(url("/checkout/pay.xhtml?lang=en&session=" + sessionId));
                waitFor(browser, "order");
                String order = browser.findElement(By.id("order")).getText();
                assertTrue(order.contains("Mug Shop") && order.contains("€25.00") && order.contains("Two blue mugs")
                        && order.contains("W-77"), order);
                assertEquals(shopUrl + "/cart", browser.findElement(By.id("cancel")).getAttribute("href"));

                click(browser, "signin-to-pay");
                waitFor(browser, "signin:email");
                Browsers.signIn(browser, payer.email());
                waitFor(browser, "pay:submit");
                assertTrue(browser.getCurrentUrl().contains("/checkout/pay.xhtml?session=" + sessionId), browser.getCurrentUrl());
                assertTrue(browser.findElement(By.id("available")).getText().contains("€50.00"), text(browser));

                click(browser, "pay:submit");
                waitFor(browser, "pay:code");
                assertEquals(5000, balance("USER", payer.id(), "EUR"), "nothing moves before the code");
                assertEquals("We sent a 6-digit code to your e-mail address. It is valid for 10 minutes. A code is asked "
                        + "for large payments and for your first payment to a shop.",
                        browser.findElement(By.id("pay:code-hint")).getText());
                // The first code got lost: ask again (too soon first, then allowed); the new code pays.
                nextCode(payer.email(), 2);
                click(browser, "pay:resend");
                waitFor(browser, "pay:code");
                assertTrue(text(browser).contains("Please wait"), text(browser));
                http.post("/api/v1/test-identity/resend-allowed/" + payer.email(), "");
                click(browser, "pay:resend");
                waitFor(browser, "pay:code");
                assertTrue(text(browser).contains("We sent you a new code."), text(browser));
                type(browser, "pay:code", nextCode(payer.email(), 3));
                click(browser, "pay:submit");
                waitFor(browser, "shop-done");
                assertEquals(shopUrl + "/done?order=W-77&session_id=" + sessionId, browser.getCurrentUrl());
                assertEquals(2500, balance("USER", payer.id(), "EUR"));
                assertEquals("complete", Http.json(http.get("/api/v1/checkout/sessions/" + sessionId, auth(shop)))
                        .getString("status"));

                // Back and confirm again: the page says it is paid; nothing moves twice.
                browser.get(url("/checkout/pay.xhtml?session=" + sessionId));
                waitFor(browser, "paid");
                assertTrue(text(browser).contains("already been paid"), text(browser));
                assertEquals(2500, balance("USER", payer.id(), "EUR"));

                // Too little in EUR, some USD: the page says what is missing and converts it (quote first), then pays.
                fund(payer, "USD", "20.00");
                String bigger = Http.json(create(shop, "b2", """
                        {"amount":"30.00","currency":"EUR","merchant_reference":"W-78",\
                        "success_url":"%s/done","cancel_url":"%s/cart"}""".formatted(shopUrl, shopUrl))).getString("id");
                browser.get(url("/checkout/pay.xhtml?session=" + bigger));
                waitFor(browser, "too-little");
                assertTrue(browser.findElement(By.id("too-little")).getText().contains("€5.00 missing"), text(browser));
                click(browser, "convert:quote");
                waitFor(browser, "fx-quote");
                assertTrue(browser.findElement(By.id("fx-buy")).getText().contains("€5.00"), text(browser));
                // 5.28 USD at the customer rate, plus the conversion fee of the test settings (25 bps, web/pom.xml).
                assertTrue(browser.findElement(By.id("fx-sell")).getText().contains("$5.30"), "5.28 + 0.02 USD: " + text(browser));
                click(browser, "convert:submit");
                waitFor(browser, "shop-done");
                assertTrue(browser.getCurrentUrl().endsWith("session_id=" + bigger), browser.getCurrentUrl());
                assertEquals(0, balance("USER", payer.id(), "EUR"));
                assertTrue(balance("USER", payer.id(), "USD") < 2000 - 500, "the conversion took the USD");

                String late = session(shop, "b3", "1.00", "EUR", "W-79");
                http.post("/api/v1/test-checkout/due/" + late, "");
                browser.get(url("/checkout/pay.xhtml?session=" + late));
                waitFor(browser, "expired");
                assertEquals("https://shop.example/cart", browser.findElement(By.id("back-to-shop")).getAttribute("href"));

                browser.get(url("/checkout/pay.xhtml?session=cs_nothing&lang=zh-CN"));
                waitFor(browser, "not-found");
                assertTrue(text(browser).contains("找不到该收银台"), text(browser));

                // The shop owner's payments page: the list, one payment, a partial refund from the form.
                browser.manage().deleteAllCookies();
                browser.get(url("/merchant/payments.xhtml?lang=en"));
                waitFor(browser, "signin:email");
                Browsers.signIn(browser, shop.owner().email());
                browser.get(url("/merchant/payments.xhtml"));
                waitFor(browser, "payments");
                assertTrue(browser.findElement(By.id("payments")).getText().contains("W-77"), text(browser));
                browser.findElement(By.linkText("W-77")).click();
                waitFor(browser, "refund:submit");
                type(browser, "refund:amount", "5.00");
                type(browser, "refund:reason", "one mug was chipped");
                click(browser, "refund:submit");
                waitFor(browser, "refunds");
                assertTrue(text(browser).contains("Refunded €5.00"), text(browser));
                assertTrue(browser.findElement(By.id("payment-refunded")).getText().contains("€5.00"), text(browser));
                assertEquals(500, balance("USER", payer.id(), "EUR"));
                browser.get(url("/merchant/payments.xhtml?status=refunded"));
                waitFor(browser, "empty");
            } finally {
                browser.quit();
            }
        } finally {
            shopSite.stop(0);
        }
    }

    // ---- payer API and the sandbox demo shop -----------------------------------------------------------------------

    @Test
    @DisplayName("payer API: review a session, pay it with a step-up code; concurrent duplicates pay once; refusals")
    void payerApi() throws Exception {
        Shop shop = shop("EUR");
        Person payer = person("en");
        fund(payer, "EUR", "100.00");
        String sessionId = session(shop, "api-1", "40.00", "EUR", "API-1");

        HttpResponse<String> review = http.get("/api/v1/checkout/sessions/" + sessionId + "/public", bearer(payer));
        assertEquals(200, review.statusCode(), review.body());
        JsonObject seen = Http.json(review);
        assertEquals(sessionId, seen.getString("id"));
        assertEquals("open", seen.getString("status"));
        assertEquals("Mug Shop", seen.getString("merchant_name"));
        assertEquals("40.00", seen.getString("amount"));
        assertEquals("EUR", seen.getString("currency"));
        assertEquals("Blue mug", seen.getString("description"));
        assertEquals("API-1", seen.getString("merchant_reference"));
        assertFalse(seen.containsKey("metadata") || seen.containsKey("success_url") || seen.containsKey("customer_email"),
                "only what a payer may see: " + review.body());
        assertNotFound(http.get("/api/v1/checkout/sessions/cs_unknown/public", bearer(payer)));
        assertEquals(401, http.get("/api/v1/checkout/sessions/" + sessionId + "/public").statusCode());
        assertEquals(403, http.get("/api/v1/checkout/sessions/" + sessionId + "/public", auth(shop)).statusCode(),
                "a merchant's token is not a payer's");
        assertEquals(403, http.post("/api/v1/checkout/sessions/" + sessionId + "/pay", "{}", auth(shop)).statusCode());
        // The merchant's own calls on a session still answer the merchant (the payer's calls sit beside them).
        assertEquals(200, http.get("/api/v1/checkout/sessions/" + sessionId, auth(shop)).statusCode());

        HttpResponse<String> noKey = http.post("/api/v1/checkout/sessions/" + sessionId + "/pay", "{}", bearer(payer));
        assertFieldError(noKey, "Idempotency-Key", "idempotency_key_invalid");

        HttpResponse<String> challenged = payApi(payer, sessionId, "pay-1", "{}");
        assertEquals(403, challenged.statusCode(), challenged.body());
        assertEquals("step_up_required", Http.json(challenged).getString("code"), "a merchant new to the payer");
        String challengeId = Http.json(challenged).getString("challenge_id");
        HttpResponse<String> wrongCode = payApi(payer, sessionId, "pay-1", """
                {"challenge_id":"%s","code":"000000"}""".formatted(challengeId));
        assertEquals(422, wrongCode.statusCode(), wrongCode.body());
        assertEquals("code_invalid", Http.json(wrongCode).getString("code"));
        assertEquals(10000, balance("USER", payer.id(), "EUR"), "nothing moves before the right code");
        HttpResponse<String> paid = payApi(payer, sessionId, "pay-1", """
                {"challenge_id":"%s","code":"%s"}""".formatted(challengeId, nextCode(payer.email(), 1)));
        assertEquals(200, paid.statusCode(), paid.body());
        JsonObject payment = Http.json(paid);
        String paymentId = payment.getString("id");
        assertTrue(paymentId.startsWith("pay_"), paid.body());
        assertEquals("succeeded", payment.getString("status"));
        assertEquals(sessionId, payment.getString("checkout_session"));
        assertEquals("40.00", payment.getString("amount"));
        assertEquals("https://shop.example/done?session_id=" + sessionId, payment.getString("return_url"));
        assertEquals(6000, balance("USER", payer.id(), "EUR"));
        assertEquals("complete", Http.json(http.get("/api/v1/checkout/sessions/" + sessionId + "/public", bearer(payer)))
                .getString("status"));
        assertEquals(paymentId, Http.json(payApi(payer, sessionId, "pay-1", "{}")).getString("id"), "a retry answers the payment");
        HttpResponse<String> someoneElse = payApi(person("en"), sessionId, "other", "{}");
        assertEquals(409, someoneElse.statusCode(), someoneElse.body());
        assertEquals("session_complete", Http.json(someoneElse).getString("code"));

        // A known merchant and a small amount: no code. Sixteen concurrent duplicates (same key and new keys) pay once.
        String racing = session(shop, "api-2", "7.50", "EUR", "API-2");
        Race.oneId(16, 200, i -> payApi(payer, racing, i % 2 == 0 ? "race" : "race-" + i, "{}"));
        assertEquals(6000 - 750, balance("USER", payer.id(), "EUR"));
        assertEquals("2", events(shop, "payment.succeeded"));

        String tooBig = session(shop, "api-3", "60.00", "EUR", "API-3");
        HttpResponse<String> poor = payApi(payer, tooBig, "pay-3", "{}");
        assertEquals(422, poor.statusCode(), poor.body());
        assertEquals("insufficient_funds", Http.json(poor).getString("code"));
        assertEquals(5250, balance("USER", payer.id(), "EUR"));
        assertReconciled();
    }

    @Test
    @DisplayName("demo shop in a browser: Buy -> OKPay checkout -> sign in -> code -> pay -> the shop's thanks page says paid")
    void demoShop() throws Exception {
        HttpResponse<String> pointed = http.post("/api/v1/test-checkout/demo-shop-api-here", "");
        assertEquals(200, pointed.statusCode(), pointed.body());
        Person payer = person("en");
        fund(payer, "EUR", "20.00");
        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/sandbox/shop/?lang=zh-CN"));
            waitFor(browser, "buy:submit");
            assertTrue(text(browser).contains("OKPay 马克杯"), text(browser));
            assertEquals("使用 OKPay 购买", browser.findElement(By.id("buy:submit")).getAttribute("value"));
            browser.get(url("/sandbox/shop/?lang=en"));
            waitFor(browser, "buy:submit");
            assertTrue(browser.findElement(By.id("item")).getText().contains("OKPay mug"), text(browser));
            assertTrue(browser.findElement(By.id("price")).getText().contains("€12.00"), text(browser));

            click(browser, "buy:submit");
            // The shop sends the browser to the session's url, whose origin is okpay.base-url: in this test that is
            // not the test server's random port, so the walk goes on at the same path on the test server.
            Instant deadline = Instant.now().plusSeconds(30);
            while (!browser.getCurrentUrl().contains("/checkout/pay.xhtml?session=cs_") && Instant.now().isBefore(deadline)) {
                sleep(200);
            }
            String checkoutUrl = browser.getCurrentUrl();
            Matcher session = Pattern.compile("/checkout/pay\\.xhtml\\?session=(cs_[A-Za-z0-9]+)").matcher(checkoutUrl);
            assertTrue(session.find(), checkoutUrl + " " + text(browser));
            String sessionId = session.group(1);
            if (!checkoutUrl.startsWith(url("/"))) {
                browser.get(url("/checkout/pay.xhtml?session=" + sessionId));
            }
            waitFor(browser, "order");
            String order = browser.findElement(By.id("order")).getText();
            assertTrue(order.contains("OKPay Demo Shop") && order.contains("€12.00") && order.contains("OKPay mug"), order);

            click(browser, "signin-to-pay");
            waitFor(browser, "signin:email");
            Browsers.signIn(browser, payer.email());
            waitFor(browser, "pay:submit");
            click(browser, "pay:submit");
            waitFor(browser, "pay:code");
            type(browser, "pay:code", nextCode(payer.email(), 2));
            click(browser, "pay:submit");
            waitFor(browser, "paid");
            assertTrue(browser.getCurrentUrl().contains("/sandbox/shop/thanks.xhtml?session_id=" + sessionId),
                    browser.getCurrentUrl());
            String thanks = browser.findElement(By.id("paid")).getText();
            assertTrue(thanks.contains("Paid") && thanks.contains("€12.00") && thanks.contains("pay_"), thanks);
            assertEquals(800, balance("USER", payer.id(), "EUR"));

            browser.get(url("/sandbox/shop/thanks.xhtml?session_id=cs_nothing"));
            waitFor(browser, "unknown");
            // A second Buy, not paid: the thanks page says so.
            browser.get(url("/sandbox/shop/?lang=en"));
            waitFor(browser, "buy:submit");
            click(browser, "buy:submit");
            deadline = Instant.now().plusSeconds(30);
            while (!browser.getCurrentUrl().contains("/checkout/pay.xhtml?session=cs_") && Instant.now().isBefore(deadline)) {
                sleep(200);
            }
            Matcher unpaid = Pattern.compile("session=(cs_[A-Za-z0-9]+)").matcher(browser.getCurrentUrl());
            assertTrue(unpaid.find(), browser.getCurrentUrl());
            browser.get(url("/sandbox/shop/thanks.xhtml?session_id=" + unpaid.group(1)));
            waitFor(browser, "not-paid");
        } finally {
            browser.quit();
        }
    }

    HttpResponse<String> payApi(Person payer, String sessionId, String key, String body) {
        return http.post("/api/v1/checkout/sessions/" + sessionId + "/pay", body, "Authorization", "Bearer " + payer.token(),
                "Idempotency-Key", key);
    }

    static String[] bearer(Person person) {
        return new String[]{"Authorization", "Bearer " + person.token()};
    }

    /** The shop's own site, on this machine: its success page names itself so the browser test can see it arrived. */
    static HttpServer shopSite() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = "<!DOCTYPE html><html><body><h1 id=\"shop-done\">Thank you</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return server;
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** The same page at 127.0.0.1, which browsers treat as a secure context (clipboard and other such APIs). */
    String loopback(String path) {
        return url(path).replaceFirst("//[^/:]+", "//127.0.0.1");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** A session paid by the payer (answering the code e-mailed for it when one is asked for); the payment id. */
    String paid(Shop shop, Person payer, String amount, String currency, String reference) {
        String sessionId = session(shop, "s-" + reference, amount, currency, reference);
        int codes = codeMails(payer.email());
        HttpResponse<String> first = pay(payer, sessionId, null, null);
        if (first.statusCode() == 403) {
            first = pay(payer, sessionId, Http.json(first).getString("challenge_id"), nextCode(payer.email(), codes));
        }
        assertEquals(200, first.statusCode(), first.body());
        return Http.json(first).getString("id");
    }

    String session(Shop shop, String key, String amount, String currency, String reference) {
        HttpResponse<String> created = create(shop, key, sessionBody(amount, currency, reference, ""));
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getString("id");
    }

    static String sessionBody(String amount, String currency, String reference, String more) {
        return """
                {"amount":"%s","currency":"%s","merchant_reference":"%s","description":"Blue mug",\
                "success_url":"https://shop.example/done","cancel_url":"https://shop.example/cart"%s}"""
                .formatted(amount, currency, reference, more);
    }

    HttpResponse<String> create(Shop shop, String key, String body) {
        return http.post("/api/v1/checkout/sessions", body, "Authorization", "Bearer " + shop.token(),
                "Idempotency-Key", key);
    }

    HttpResponse<String> refund(Shop shop, String paymentId, String key, String body) {
        return http.post("/api/v1/payments/" + paymentId + "/refunds", body, "Authorization", "Bearer " + shop.token(),
                "Idempotency-Key", key);
    }

    HttpResponse<String> pay(Person payer, String sessionId, String challengeId, String code) {
        String query = challengeId == null ? "" : "?challenge=" + challengeId + "&code=" + code;
        return http.post("/api/v1/test-checkout/pay/" + payer.id() + "/" + sessionId + query, "");
    }

    String events(Shop shop, String type) {
        return http.get("/api/v1/test-checkout/events/" + shop.id() + "/" + type).body().strip();
    }

    long balance(String type, String owner, String currency) {
        HttpResponse<String> read = http.get("/api/v1/test-checkout/balance/" + type + "/" + owner + "/" + currency);
        assertEquals(200, read.statusCode(), read.body());
        return Long.parseLong(read.body().strip());
    }

    static String[] auth(Shop shop) {
        return new String[]{"Authorization", "Bearer " + shop.token()};
    }

    /** An approved merchant owned by a new verified person. */
    Shop shop(String currency) {
        Person owner = person("en");
        HttpResponse<String> approved = http.post("/api/v1/test-merchant/approved/" + owner.id() + "?name=Mug+Shop&currency="
                + currency, "");
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject json = Http.json(approved);
        return new Shop(json.getString("merchant_id"), json.getString("access_token"), owner);
    }

    /** A FINANCE operator (they sign in with a code) runs a reconciliation: every balance equals its entries. */
    void assertReconciled() {
        Person operator = operator("FINANCE");
        HttpResponse<String> report = http.post("/api/v1/admin/ledger/reconciliation", "", "Authorization", operator.bearer());
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(Http.json(report).getBoolean("consistent"), report.body());
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
