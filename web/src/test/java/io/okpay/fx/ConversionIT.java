package io.okpay.fx;

import static io.okpay.it.ProblemAssertions.assertFieldError;
import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.fund;
import static io.okpay.it.People.person;
import static io.okpay.it.People.unverified;

import io.okpay.fx.boundary.RateTable;
import io.okpay.fx.control.EcbReferenceRates;
import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.HouseLedger;
import io.okpay.it.People.Person;
import io.okpay.it.Race;
import io.okpay.it.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Currency conversion through the API, black box, and the convert page in a real browser. Rates come from {@link TestDayRates}, an ECB file (EUR base:
 * USD 1.0500, JPY 162.40) dated today, in place of the ECB; the spread is the default 50 bps and the fee 25 bps
 * (okpay.fx.fee-bps in the test server's settings, web/pom.xml). So:
 * USD→EUR mid 0.952380952381, customer rate 0.9476190476; USD→JPY 153.8933333; JPY→USD 0.006433189655.
 */
class ConversionIT {

    final URL base = TestServer.base();

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    @Test
    @DisplayName("quotes selling or buying a fixed amount; what the person gets rounds down, what they pay rounds up")
    void quotesBothDirections() {
        Person ann = person();
        Instant before = Instant.now();
        HttpResponse<String> sell = quote(ann, "USD", "EUR", "sell_amount", "100.00");
        assertEquals(201, sell.statusCode(), sell.body());
        JsonObject q = Http.json(sell);
        assertTrue(q.getString("id").startsWith("fxq_"), sell.body());
        assertEquals("0.9476190476", q.getString("rate"));
        assertEquals("100.00", q.getString("sell_amount"));
        assertEquals("94.76", q.getString("buy_amount"), "94.7619... EUR rounds down");
        assertEquals("0.25", q.getString("fee"));
        assertEquals("100.25", q.getString("total"));
        Instant expires = Instant.parse(q.getString("expires_at"));
        assertTrue(!expires.isBefore(before.plusSeconds(29)) && expires.isBefore(Instant.now().plusSeconds(31)), q.toString());

        JsonObject buy = Http.json(quote(ann, "USD", "EUR", "buy_amount", "50.00"));
        assertEquals("50.00", buy.getString("buy_amount"));
        assertEquals("52.77", buy.getString("sell_amount"), "52.7638... USD rounds up");
        assertEquals("0.14", buy.getString("fee"), "25 bps of 52.77 is 13.19 cents: 14");

        JsonObject toYen = Http.json(quote(ann, "USD", "JPY", "sell_amount", "10.00"));
        assertEquals("153.8933333", toYen.getString("rate"));
        assertEquals("1538", toYen.getString("buy_amount"), "no decimals in yen, 1538.93 rounds down");
        assertEquals("0.03", toYen.getString("fee"), "2.5 cents round up");
        JsonObject yenToUsd = Http.json(quote(ann, "JPY", "USD", "sell_amount", "1000"));
        assertEquals("0.006433189655", yenToUsd.getString("rate"));
        assertEquals("6.43", yenToUsd.getString("buy_amount"));
        assertEquals("3", yenToUsd.getString("fee"));
        JsonObject usdForYen = Http.json(quote(ann, "JPY", "USD", "buy_amount", "1.00"));
        assertEquals("156", usdForYen.getString("sell_amount"), "155.44 yen round up");
        assertFieldError(quote(ann, "JPY", "USD", "sell_amount", "1"), "sell_amount", "fx_amount_too_small");

        assertEquals(200, http.get("/api/v1/fx/quotes/" + q.getString("id"), auth(ann)).statusCode());
        assertEquals(404, http.get("/api/v1/fx/quotes/" + q.getString("id"), auth(person())).statusCode());
        assertEquals(401, http.post("/api/v1/fx/quotes", "{}").statusCode());
    }

    @Test
    @DisplayName("converts a quote once in one balanced journal transaction through FX_POSITION; repeats get the first result")
    void convertsOnce() {
        Person ann = person();
        fund(ann, "USD", "200.00");
        String quoteId = Http.json(quote(ann, "USD", "EUR", "sell_amount", "100.00")).getString("id");

        HttpResponse<String> first = convert(ann, "k1", quoteId);
        assertEquals(201, first.statusCode(), first.body());
        JsonObject c = Http.json(first);
        assertTrue(c.getString("id").startsWith("fxc_"), first.body());
        assertEquals("completed", c.getString("status"));
        assertEquals(quoteId, c.getString("quote_id"));
        assertEquals("100.00", c.getString("sell_amount"));
        assertEquals("94.76", c.getString("buy_amount"));
        assertEquals("0.25", c.getString("fee"));
        assertEquals("0.9476190476", c.getString("rate"));
        assertTrue(c.getString("transaction_id").startsWith("txn_"));
        assertFalse(first.headers().firstValue("Idempotent-Replayed").isPresent());
        assertEquals("EUR 94.76|USD 99.75", balances(ann), "the EUR wallet opened on first use");

        HttpResponse<String> replay = convert(ann, "k1", quoteId);
        assertEquals(201, replay.statusCode(), replay.body());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(c, Http.json(replay));
        HttpResponse<String> otherKey = convert(ann, "k2", quoteId);
        assertEquals(c.getString("id"), Http.json(otherKey).getString("id"), "a used quote answers its conversion");
        assertEquals("true", otherKey.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals("EUR 94.76|USD 99.75", balances(ann), "money moved once");

        // Other classes move the house accounts meanwhile: count only this person's transactions.
        assertEquals(-10_000, HouseLedger.moved(http, "FX_POSITION", "USD", ann.id()), "the position took 100.00 USD (a credit)");
        assertEquals(9_476, HouseLedger.moved(http, "FX_POSITION", "EUR", ann.id()), "and gave 94.76 EUR (a debit)");
        assertEquals(25, HouseLedger.moved(http, "FEES", "USD", ann.id()));
        assertEquals("consistent", http.post("/api/v1/test-fx/reconciliation", "").body());

        JsonObject read = Http.json(http.get("/api/v1/fx/conversions/" + c.getString("id"), auth(ann)));
        assertEquals(c, read);
        assertEquals(404, http.get("/api/v1/fx/conversions/" + c.getString("id"), auth(person())).statusCode());

        String another = Http.json(quote(ann, "USD", "EUR", "sell_amount", "1.00")).getString("id");
        HttpResponse<String> conflict = convert(ann, "k1", another);
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertEquals("idempotency_conflict", Http.json(conflict).getString("code"));
    }

    @Test
    @DisplayName("eight requests at once on one quote, each with its own key, move the money once and all get that conversion")
    void concurrentConversions() throws Exception {
        Person ann = person();
        fund(ann, "USD", "10.00");
        String quoteId = Http.json(quote(ann, "USD", "JPY", "sell_amount", "5.00")).getString("id");
        Race.oneId(8, 201, i -> convert(ann, "race-" + i, quoteId));
        assertEquals("JPY 769|USD 4.98", balances(ann), "5.00 USD at 153.8933333 is 769.46 yen: 769; fee 0.02");
        assertEquals("consistent", http.post("/api/v1/test-fx/reconciliation", "").body());
    }

    @Test
    @DisplayName("an expired quote is refused with quote_expired and moves nothing")
    void expiredQuote() {
        Person ann = person();
        fund(ann, "USD", "20.00");
        String quoteId = Http.json(quote(ann, "USD", "JPY", "sell_amount", "10.00")).getString("id");
        assertEquals("1", http.post("/api/v1/test-fx/expire/" + quoteId, "").body());
        HttpResponse<String> expired = convert(ann, "k", quoteId);
        assertEquals(409, expired.statusCode(), expired.body());
        assertEquals("quote_expired", Http.json(expired).getString("code"));
        assertFalse(Http.json(expired).getString("detail").isBlank());
        assertEquals("USD 20.00", balances(ann));
    }

    @Test
    @DisplayName("someone else's quote is not found; an unverified person cannot convert")
    void othersQuote() {
        Person ann = person();
        Person bob = person();
        fund(bob, "USD", "20.00");
        String annQuote = Http.json(quote(ann, "USD", "EUR", "sell_amount", "10.00")).getString("id");
        HttpResponse<String> stolen = convert(bob, "k", annQuote);
        assertEquals(404, stolen.statusCode(), stolen.body());
        assertEquals("not_found", Http.json(stolen).getString("code"));
        assertEquals(404, convert(bob, "k2", "fxq_nothing").statusCode());

        HttpResponse<String> unverified = quote(unverified(), "USD", "EUR", "sell_amount", "10.00");
        assertEquals(403, unverified.statusCode(), unverified.body());
        assertEquals("email_not_verified", Http.json(unverified).getString("code"));
    }

    @Test
    @DisplayName("a balance below amount plus fee is the ledger's insufficient_funds; the quote stays usable after a top-up")
    void insufficientFunds() {
        Person ann = person();
        fund(ann, "USD", "10.00");
        String quoteId = Http.json(quote(ann, "USD", "EUR", "sell_amount", "10.00")).getString("id");
        HttpResponse<String> refused = convert(ann, "k", quoteId);
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("insufficient_funds", Http.json(refused).getString("code"));
        assertEquals("USD 10.00", balances(ann));

        fund(ann, "USD", "0.03");
        HttpResponse<String> retried = convert(ann, "k", quoteId);
        assertEquals(201, retried.statusCode(), retried.body());
        assertEquals("EUR 9.47|USD 0.00", balances(ann));
    }

    @Test
    @DisplayName("bad input answers field errors")
    void badInput() {
        Person ann = person();
        assertFieldError(post(ann, "/api/v1/fx/quotes", "{\"sell_currency\":\"USD\",\"buy_currency\":\"EUR\"}"),
                "sell_amount", "fx_one_amount");
        assertFieldError(post(ann, "/api/v1/fx/quotes",
                "{\"sell_currency\":\"USD\",\"buy_currency\":\"EUR\",\"sell_amount\":\"1\",\"buy_amount\":\"1\"}"),
                "buy_amount", "fx_one_amount");
        assertFieldError(quote(ann, "USD", "USD", "sell_amount", "1.00"), "buy_currency", "fx_same_currency");
        assertFieldError(quote(ann, "XXX", "EUR", "sell_amount", "1.00"), "sell_currency", "currency_unsupported");
        assertFieldError(quote(ann, "USD", "CHF", "sell_amount", "1.00"), "buy_currency", "currency_unsupported");
        assertFieldError(quote(ann, "USD", "EUR", "sell_amount", "1.005"), "sell_amount", "amount_too_precise");
        assertFieldError(quote(ann, "USD", "JPY", "buy_amount", "100.5"), "buy_amount", "amount_too_precise");
        assertFieldError(quote(ann, "USD", "EUR", "sell_amount", "-1"), "sell_amount", "amount_not_positive");
        assertFieldError(quote(ann, "USD", "EUR", "sell_amount", "ten"), "sell_amount", "amount_invalid");
        assertFieldError(quote(ann, "USD", "EUR", "sell_amount", "99999999999999999"), "sell_amount", "amount_too_large");
        assertFieldError(post(ann, "/api/v1/fx/conversions", "{}", "Idempotency-Key", "k"), "quote_id", "fx_quote_required");
        assertFieldError(post(ann, "/api/v1/fx/conversions", "{\"quote_id\":\"fxq_x\"}"), "Idempotency-Key",
                "idempotency_key_invalid");
        assertEquals(400, post(ann, "/api/v1/fx/quotes", "{not json").statusCode());
    }

    @Test
    @DisplayName("the sandbox's rate feed (on in the test server) serves its dated snapshot in the ECB's format over HTTP")
    void sandboxRateFeed() throws Exception {
        HttpResponse<String> feed = http.get("/sandbox/fx/eurofxref-daily.xml");
        assertEquals(200, feed.statusCode(), feed.body());
        assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), feed.headers().toString());
        RateTable table = EcbReferenceRates.parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)),
                RateTable.SANDBOX, Instant.now());
        assertEquals(LocalDate.of(2026, 11, 25), table.publishedOn());
        assertEquals(new BigDecimal("1.0500"), table.rates().get("USD"));
        assertEquals(new BigDecimal("7.6083"), table.rates().get("CNY"));
    }

    @Test
    @ResourceLock(FxTestSupport.RATE_SOURCE)
    @DisplayName("in a browser: amount with too many decimals is refused at the field, the quote counts down, converts, shows the reference; an expired quote asks for a new one")
    void convertsInBrowser() throws Exception {
        Person ann = person();
        fund(ann, "USD", "50.00");
        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, ann.email());
            browser.get(url("/fx/convert.xhtml"));
            waitFor(browser, "nav-convert");
            assertTrue(browser.findElements(By.id("sandbox-rates")).isEmpty(), "the ECB's rates carry no sandbox note");
            type(browser, "convert:amount", "10.001");
            click(browser, "convert:quote");
            waitFor(browser, "convert:amount-error");

            type(browser, "convert:amount", "10.00");
            click(browser, "convert:quote");
            waitFor(browser, "summary");
            String summary = text(browser);
            assertTrue(summary.contains("0.9476190476") && summary.contains("9.47") && summary.contains("10.03"), summary);
            int first = Integer.parseInt(browser.findElement(By.id("seconds")).getText().trim());
            Thread.sleep(2_100);
            int later = Integer.parseInt(browser.findElement(By.id("seconds")).getText().trim());
            assertTrue(first > 20 && later < first, "the countdown runs: " + first + " then " + later);
            click(browser, "confirm:submit");
            waitFor(browser, "reference");
            assertTrue(browser.findElement(By.id("reference")).getText().startsWith("fxc_"), text(browser));
            assertEquals("EUR 9.47|USD 39.97", balances(ann));

            // The sandbox feed's dated snapshot (same rates for the enabled currencies): every rate page says so.
            assertEquals(200, http.post("/api/v1/test-fx/rate-source/SANDBOX", "").statusCode());
            browser.get(url("/fx/convert.xhtml?lang=zh-CN"));
            waitFor(browser, "convert:amount");
            assertTrue(text(browser).contains("货币兑换"), text(browser));
            assertEquals("2026-11-25 的沙箱汇率：供试用 OKPay 的固定快照，不是当日市场汇率。",
                    browser.findElement(By.id("sandbox-rates")).getText().trim());
            type(browser, "convert:amount", "5.00");
            click(browser, "convert:quote");
            waitFor(browser, "summary");
            assertTrue(browser.findElement(By.id("sandbox-rates")).getText().contains("2026-11-25"), text(browser));
            String quoteId = latestQuote(ann);
            assertEquals("1", http.post("/api/v1/test-fx/expire/" + quoteId, "").body());
            click(browser, "confirm:submit");
            waitFor(browser, "confirm:requote");
            assertTrue(text(browser).contains("报价已过期"), text(browser));
            assertTrue(browser.findElements(By.id("confirm:submit")).isEmpty(), "no convert button for an expired quote");
            assertEquals("EUR 9.47|USD 39.97", balances(ann));

            browser.get(url("/fx/convert.xhtml?lang=en"));
            waitFor(browser, "convert:amount");
            assertEquals("Sandbox rates of 2026-11-25: a fixed snapshot for trying OKPay, not today's market.",
                    browser.findElement(By.id("sandbox-rates")).getText().trim());
            JsonObject rates = Http.json(http.get("/api/v1/fx/rates?base=EUR"));
            assertEquals("sandbox", rates.getString("source"));
            assertEquals("2026-11-25", rates.getString("published_on"), "a snapshot keeps its date and is not refused as old");
        } finally {
            http.post("/api/v1/test-fx/rate-source/TODAY", "");
            browser.quit();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    String latestQuote(Person person) {
        return http.get("/api/v1/test-fx/latest-quote?user=" + person.id()).body();
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    HttpResponse<String> quote(Person person, String sell, String buy, String amountField, String amount) {
        return post(person, "/api/v1/fx/quotes", """
                {"sell_currency":"%s","buy_currency":"%s","%s":"%s"}""".formatted(sell, buy, amountField, amount));
    }

    HttpResponse<String> convert(Person person, String key, String quoteId) {
        return post(person, "/api/v1/fx/conversions", "{\"quote_id\":\"" + quoteId + "\"}", "Idempotency-Key", key);
    }

    HttpResponse<String> post(Person person, String path, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + person.token();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.post(path, json, all);
    }

    static String[] auth(Person person) {
        return new String[]{"Authorization", "Bearer " + person.token()};
    }

    /** "EUR 94.76|USD 99.75": the person's balances, by currency. */
    String balances(Person person) {
        HttpResponse<String> response = http.get("/api/v1/balances", auth(person));
        assertEquals(200, response.statusCode(), response.body());
        return Http.parse(response.body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                .map(b -> b.getString("currency") + " " + b.getString("balance")).sorted()
                .collect(Collectors.joining("|"));
    }
}
