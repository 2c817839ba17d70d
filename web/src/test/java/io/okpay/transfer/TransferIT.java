package io.okpay.transfer;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static io.okpay.it.ProblemAssertions.assertFieldError;
import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.press;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static io.okpay.it.MailCatcher.codeMails;
import static io.okpay.it.MailCatcher.nextCode;
import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.fund;
import static io.okpay.it.People.person;
import static io.okpay.it.People.signUp;
import static io.okpay.it.People.unverified;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import io.okpay.it.People;
import io.okpay.it.People.Person;
import io.okpay.it.Race;
import io.okpay.it.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Balances, person-to-person transfers and history through the API, black box (people sign up, verify and use tokens),
 * and one transfer in a real browser with its confirmation step.
 */
// Its tests share nothing but the server: they run side by side too.
@Execution(ExecutionMode.CONCURRENT)
@Order(2)
class TransferIT {

    final URL base = TestServer.base();

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    // ---- the tests ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("a transfer to a new recipient asks for a code, then moves the money once, e-mails both, shows in balances")
    void transferToRegisteredRecipient() {
        Person alice = person("en");
        Person bob = person("zh-CN");
        fund(alice, "USD", "100.00");
        assertEquals("USD 100.00 100.00", balances(alice));

        String body = """
                {"to":"%s","amount":"12.50","currency":"USD","note":"lunch <b>&</b>"}""".formatted(bob.email().toUpperCase());
        HttpResponse<String> challenged = send(alice, "k1", body);
        assertEquals(403, challenged.statusCode(), challenged.body());
        assertEquals("step_up_required", Http.json(challenged).getString("code"));
        String challengeId = Http.json(challenged).getString("challenge_id");

        HttpResponse<String> sent = send(alice, "k1", withCode(body, challengeId, nextCode(alice.email(), 1)));
        assertEquals(201, sent.statusCode(), sent.body());
        JsonObject transfer = Http.json(sent);
        assertTrue(transfer.getString("id").startsWith("tr_"), sent.body());
        assertEquals("completed", transfer.getString("status"));
        assertEquals("12.50", transfer.getString("amount"));
        assertEquals("USD", transfer.getString("currency"));
        assertEquals("0.00", transfer.getString("fee"));
        assertEquals("lunch <b>&</b>", transfer.getString("note"));
        assertEquals(bob.username(), transfer.getJsonObject("recipient").getString("display_name"));
        assertEquals(alice.id(), transfer.getJsonObject("sender").getString("id"));
        assertTrue(transfer.getString("transaction_id").startsWith("txn_"));
        assertTrue(sent.headers().firstValue("Location").orElse("").endsWith("/api/v1/transfers/" + transfer.getString("id")));

        MailCatcher.Received receipt = MailCatcher.await(alice.email(), "You sent");
        assertTrue(receipt.subject().contains("$12.50") && receipt.subject().contains(bob.username()), receipt.subject());
        assertTrue(receipt.html().contains("lunch &lt;b&gt;&amp;&lt;/b&gt;"), "the note is escaped in HTML: " + receipt.html());
        MailCatcher.Received notice = MailCatcher.await(bob.email(), "您收到");
        assertTrue(notice.subject().contains(alice.username()) && notice.text().contains("12.50"), notice.subject());

        assertEquals("USD 87.50 87.50", balances(alice));
        assertEquals("USD 12.50 12.50", balances(bob));

        String id = transfer.getString("id");
        assertEquals(200, http.get("/api/v1/transfers/" + id, auth(alice)).statusCode());
        assertEquals(200, http.get("/api/v1/transfers/" + id, auth(bob)).statusCode());
        HttpResponse<String> stranger = http.get("/api/v1/transfers/" + id, auth(person("en")));
        assertEquals(404, stranger.statusCode(), "someone else's transfer is not found");
        assertEquals("not_found", Http.json(stranger).getString("code"));

        // Bob is known to Alice now and 1.00 is below the threshold: no code this time; by username.
        HttpResponse<String> again = send(alice, "k2", """
                {"to":"%s","amount":"1","currency":"USD"}""".formatted(bob.username()));
        assertEquals(201, again.statusCode(), again.body());
        assertEquals("1.00", Http.json(again).getString("amount"));

        JsonObject list = Http.json(http.get("/api/v1/transfers?limit=1", auth(alice)));
        assertEquals(Http.json(again).getString("id"), list.getJsonArray("data").getJsonObject(0).getString("id"));
        assertTrue(list.getBoolean("has_more"));
        JsonObject next = Http.json(http.get("/api/v1/transfers?limit=1&starting_after="
                + Http.json(again).getString("id"), auth(alice)));
        assertEquals(id, next.getJsonArray("data").getJsonObject(0).getString("id"));
        assertFalse(next.getBoolean("has_more"));
        assertEquals(400, http.get("/api/v1/transfers?limit=101", auth(alice)).statusCode());
        assertEquals(401, http.get("/api/v1/balances").statusCode(), "no token, no balances");

        JsonArray history = Http.json(http.get("/api/v1/transactions", auth(alice))).getJsonArray("data");
        assertEquals(3, history.size(), history.toString());
        assertEquals("-1.00 86.50 p2p_transfer " + bob.username(), line(history.getJsonObject(0)));
        assertEquals("-12.50 87.50 p2p_transfer " + bob.username(), line(history.getJsonObject(1)));
        assertEquals("100.00 100.00 topup null", line(history.getJsonObject(2)));
        assertEquals(Http.json(again).getString("id"), history.getJsonObject(0).getString("transfer_id"));
        JsonArray received = Http.json(http.get("/api/v1/transactions?type=p2p_transfer", auth(bob))).getJsonArray("data");
        assertEquals("1.00 13.50 p2p_transfer " + alice.username(), line(received.getJsonObject(0)));
        assertEquals(0, Http.json(http.get("/api/v1/transactions?currency=EUR", auth(alice))).getJsonArray("data").size());
        JsonObject firstPage = Http.json(http.get("/api/v1/transactions?limit=2", auth(alice)));
        assertTrue(firstPage.getBoolean("has_more"));
        JsonObject lastPage = Http.json(http.get("/api/v1/transactions?limit=2&starting_after="
                + firstPage.getString("next_cursor"), auth(alice)));
        assertEquals("100.00 100.00 topup null", line(lastPage.getJsonArray("data").getJsonObject(0)));
        assertFalse(lastPage.getBoolean("has_more"));
        assertEquals(400, http.get("/api/v1/transactions?starting_after=forged", auth(alice)).statusCode());
    }

    static String line(JsonObject transaction) {
        return transaction.getString("amount") + " " + transaction.getString("balance_after") + " "
                + transaction.getString("type") + " " + transaction.getString("counterparty", "null");
    }

    @Test
    @DisplayName("refused with clear codes: unverified sender, to oneself, unknown recipient, bad amounts, too little money, frozen")
    void refusals() {
        Person carol = person("en");
        Person dan = person("en");
        fund(carol, "USD", "10.00");

        Person unverified = unverified();
        HttpResponse<String> notVerified = send(unverified, "u1", """
                {"to":"%s","amount":"1.00","currency":"USD"}""".formatted(dan.email()));
        assertEquals(403, notVerified.statusCode(), notVerified.body());
        assertEquals("email_not_verified", Http.json(notVerified).getString("code"));

        assertFieldError(send(carol, "s1", """
                {"to":"%s","amount":"1.00","currency":"USD"}""".formatted(carol.email())), "to", "recipient_self");
        assertFieldError(send(carol, "s2", """
                {"to":"%s","amount":"1.00","currency":"USD"}""".formatted(carol.username())), "to", "recipient_self");
        assertFieldError(send(carol, "s3", """
                {"to":"nobody%s","amount":"1.00","currency":"USD"}""".formatted(UUID.randomUUID().toString().substring(0, 8))),
                "to", "recipient_unknown");
        assertFieldError(send(carol, "s3b", """
                {"to":"not-an-address@","amount":"1.00","currency":"USD"}"""), "to", "recipient_unknown");
        assertFieldError(send(carol, "s4", amountBody(dan, "-5", "USD")), "amount", "amount_not_positive");
        assertFieldError(send(carol, "s5", amountBody(dan, "0", "USD")), "amount", "amount_not_positive");
        assertFieldError(send(carol, "s6", amountBody(dan, "1.234", "USD")), "amount", "amount_too_precise");
        assertFieldError(send(carol, "s7", amountBody(dan, "1.5", "JPY")), "amount", "amount_too_precise");
        assertFieldError(send(carol, "s8", amountBody(dan, "1.00", "XYZ")), "currency", "currency_unsupported");
        assertFieldError(send(carol, "s9", amountBody(dan, "abc", "USD")), "amount", "amount_invalid");
        // Amounts are decimal strings: a JSON number is refused, never read as the text "1.5".
        assertFieldError(send(carol, "s9b", """
                {"to":"%s","amount":1.5,"currency":"USD"}""".formatted(dan.email())), "amount", "amount_not_string");
        HttpResponse<String> numberInChinese = http.post("/api/v1/transfers", """
                {"to":"%s","amount":2,"currency":"USD"}""".formatted(dan.email()), "Authorization", "Bearer " + carol.token(),
                "Idempotency-Key", carol.id() + "-s9c", "Accept-Language", "zh-CN");
        assertFieldError(numberInChinese, "amount", "amount_not_string");
        assertEquals("请将金额作为带引号的小数字符串发送，例如 \"12.50\"，不要使用 JSON 数字。",
                Http.json(numberInChinese).getJsonArray("errors").getJsonObject(0).getString("detail"));
        // Beyond 15 digits of minor units an amount is refused before any arithmetic could overflow.
        assertFieldError(send(carol, "s9d", amountBody(dan, "92233720368547758.07", "USD")), "amount", "amount_too_large");
        assertFieldError(send(carol, "s10", """
                {"to":"%s","amount":"1.00","currency":"USD","note":"%s"}""".formatted(dan.email(), "x".repeat(141))),
                "note", "note_too_long");
        assertFieldError(http.post("/api/v1/transfers", amountBody(dan, "1.00", "USD"), auth(carol)),
                "Idempotency-Key", "idempotency_key_invalid");

        HttpResponse<String> tooMuch = send(carol, "s11", amountBody(dan, "10.01", "USD"));
        assertEquals(422, tooMuch.statusCode(), tooMuch.body());
        assertEquals("insufficient_funds", Http.json(tooMuch).getString("code"));
        assertTrue(Http.json(tooMuch).getString("detail").contains("balance is too low"), tooMuch.body());
        HttpResponse<String> noWallet = send(carol, "s12", amountBody(dan, "1.00", "EUR"));
        assertEquals("insufficient_funds", Http.json(noWallet).getString("code"), "no EUR balance at all");

        Person frozen = person("en");
        fund(frozen, "USD", "10.00");
        assertEquals("FROZEN", http.post("/api/v1/test-transfer/freeze/" + frozen.id() + "/USD", "").body());
        HttpResponse<String> refusedFrozen = send(frozen, "f1", amountBody(dan, "1.00", "USD"));
        assertEquals(422, refusedFrozen.statusCode(), refusedFrozen.body());
        assertEquals("account_frozen", Http.json(refusedFrozen).getString("code"));
        assertTrue(Http.json(refusedFrozen).getString("detail").contains("frozen"), refusedFrozen.body());

        assertEquals("USD 10.00 10.00", balances(carol), "nothing moved");
        assertEquals("", balances(dan));
    }

    @Test
    @DisplayName("the same key replays the first transfer, another payload is a conflict, 20 concurrent posts move money once")
    void idempotency() throws Exception {
        Person erin = person("en");
        Person frank = person("en");
        fund(erin, "EUR", "100.00");
        String first = amountBody(frank, "5.00", "EUR");
        HttpResponse<String> challenged = send(erin, "first", first);
        String sentId = Http.json(send(erin, "first", withCode(first,
                Http.json(challenged).getString("challenge_id"), nextCode(erin.email(), 1)))).getString("id");

        HttpResponse<String> replay = send(erin, "first", first);
        assertEquals(201, replay.statusCode(), replay.body());
        assertEquals(sentId, Http.json(replay).getString("id"));
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
        HttpResponse<String> conflict = send(erin, "first", amountBody(frank, "6.00", "EUR"));
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertEquals("idempotency_conflict", Http.json(conflict).getString("code"));

        String body = amountBody(frank, "2.50", "EUR");
        Race.oneId(20, 201, i -> send(erin, "race", body));
        assertEquals("EUR 92.50 92.50", balances(erin), "5.00 and 2.50 moved, each once");
        assertEquals("EUR 7.50 7.50", balances(frank));
        assertEquals(2, Http.json(http.get("/api/v1/transfers", auth(frank))).getJsonArray("data").size());
    }

    @Test
    @DisplayName("above the threshold even a known recipient needs a code; a wrong code moves nothing")
    void stepUpAboveThreshold() {
        Person gina = person("en");
        Person hank = person("en");
        fund(gina, "USD", "5000.00");
        String small = amountBody(hank, "1.00", "USD");
        send(gina, "small", withCode(small, Http.json(send(gina, "small", small)).getString("challenge_id"), nextCode(gina.email(), 1)));

        String large = amountBody(hank, "1000.01", "USD");
        HttpResponse<String> challenged = send(gina, "large", large);
        assertEquals(403, challenged.statusCode(), challenged.body());
        assertEquals("step_up_required", Http.json(challenged).getString("code"));
        String challengeId = Http.json(challenged).getString("challenge_id");
        String code = nextCode(gina.email(), 2);
        String wrong = code.equals("000000") ? "111111" : "000000";
        HttpResponse<String> refused = send(gina, "large", withCode(large, challengeId, wrong));
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("code_invalid", Http.json(refused).getString("code"));
        assertEquals(201, send(gina, "large", withCode(large, challengeId, code)).statusCode());

        HttpResponse<String> atThreshold = send(gina, "equal", amountBody(hank, "1000.00", "USD"));
        assertEquals(201, atThreshold.statusCode(), "the threshold itself needs no code: " + atThreshold.body());
        JsonArray balances = (JsonArray) Http.parse(http.get("/api/v1/balances", auth(gina)).body());
        assertEquals("2998.99", balances.getJsonObject(0).getString("balance"));
    }

    @Test
    @DisplayName("to an address without an account: escrow, invitation, claimed by signing up; expiry and cancel return it")
    void escrow() {
        Person kim = person("en");
        fund(kim, "USD", "50.00");
        String invited = "new" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "@example.com";
        String body = """
                {"to":"%s","amount":"20.00","currency":"USD","note":"welcome"}""".formatted(invited);
        HttpResponse<String> challenged = send(kim, "e1", body);
        assertEquals("step_up_required", Http.json(challenged).getString("code"), "an invited address is always new");
        HttpResponse<String> sent = send(kim, "e1", withCode(body, Http.json(challenged).getString("challenge_id"), nextCode(kim.email(), 1)));
        assertEquals(201, sent.statusCode(), sent.body());
        JsonObject pending = Http.json(sent);
        assertEquals("pending_claim", pending.getString("status"));
        assertEquals(invited, pending.getJsonObject("recipient").getString("email"));
        assertFalse(pending.getJsonObject("recipient").containsKey("id"));
        assertTrue(Instant.parse(pending.getString("claim_until")).isAfter(Instant.now().plus(Duration.ofDays(13))));
        assertEquals("USD 30.00 30.00", balances(kim));
        MailCatcher.Received invitation = MailCatcher.await(invited, kim.username() + " sent you $20.00");
        assertTrue(invitation.text().contains("/signup.xhtml") && invitation.text().contains("welcome"), invitation.text());
        MailCatcher.await(kim.email(), "waiting for them to join");

        // Signing up is not enough: the address must be confirmed first, then the escrow job hands the money over.
        Person newcomer = signUp(invited, "en", true);
        String id = pending.getString("id");
        JsonObject claimed = awaitStatus(kim, id, "completed");
        assertEquals(newcomer.id(), claimed.getJsonObject("recipient").getString("id"));
        assertEquals("USD 20.00 20.00", balances(newcomer));
        assertEquals(200, http.get("/api/v1/transfers/" + id, auth(newcomer)).statusCode());
        MailCatcher.await(kim.email(), "received your $20.00");
        MailCatcher.await(invited, "You received $20.00");
        JsonArray newcomerHistory = Http.json(http.get("/api/v1/transactions", auth(newcomer))).getJsonArray("data");
        assertEquals("20.00 20.00 p2p_claim " + kim.username(), line(newcomerHistory.getJsonObject(0)));

        String expiring = "old" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "@example.com";
        String expiringId = escrowed(kim, "e2", expiring, "5.00");
        assertEquals("USD 25.00 25.00", balances(kim));
        assertEquals("1", http.post("/api/v1/test-transfer/expire-claim/" + expiringId, "").body());
        awaitStatus(kim, expiringId, "returned");
        assertEquals("USD 30.00 30.00", balances(kim));
        MailCatcher.await(kim.email(), "came back");
        MailCatcher.await(expiring, "no longer waiting");

        String cancelled = "gone" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "@example.com";
        String cancelledId = escrowed(kim, "e3", cancelled, "3.00");
        assertEquals(404, http.post("/api/v1/transfers/" + cancelledId + "/cancel", "", auth(newcomer)).statusCode());
        HttpResponse<String> cancel = http.post("/api/v1/transfers/" + cancelledId + "/cancel", "", auth(kim));
        assertEquals(200, cancel.statusCode(), cancel.body());
        assertEquals("cancelled", Http.json(cancel).getString("status"));
        assertEquals("USD 30.00 30.00", balances(kim));
        HttpResponse<String> again = http.post("/api/v1/transfers/" + cancelledId + "/cancel", "", auth(kim));
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("transfer_not_cancellable", Http.json(again).getString("code"));
        assertEquals(409, http.post("/api/v1/transfers/" + id + "/cancel", "", auth(kim)).statusCode(), "claimed already");
        MailCatcher.await(kim.email(), "You cancelled");
    }

    /** Sends to an address without an account (a code each time: the address is new) and returns the transfer id. */
    String escrowed(Person sender, String key, String address, String amount) {
        String body = amountBody(new Person(null, address, null, null, null), amount, "USD");
        int codesBefore = codeMails(sender.email());
        HttpResponse<String> challenged = send(sender, key, body);
        assertEquals(403, challenged.statusCode(), challenged.body());
        HttpResponse<String> sent = send(sender, key, withCode(body, Http.json(challenged).getString("challenge_id"),
                nextCode(sender.email(), codesBefore)));
        assertEquals(201, sent.statusCode(), sent.body());
        assertEquals("pending_claim", Http.json(sent).getString("status"));
        return Http.json(sent).getString("id");
    }

    /** Waits for the escrow job (every 10 s) to bring the transfer to this status. */
    JsonObject awaitStatus(Person viewer, String transferId, String status) {
        Instant deadline = Instant.now().plusSeconds(40);
        JsonObject transfer;
        do {
            transfer = Http.json(http.get("/api/v1/transfers/" + transferId, auth(viewer)));
            if (status.equals(transfer.getString("status"))) {
                return transfer;
            }
            sleep(500);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("transfer " + transferId + " is still " + transfer.getString("status") + ", not " + status);
    }

    @Test
    @DisplayName("in a browser: form, field error, confirmation naming the recipient, code, result, home page; an invitation and its cancel")
    void browserTransfer() throws Exception {
        Person ivy = person("en");
        Person jack = person("en");
        fund(ivy, "USD", "100.00");
        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, ivy.email());

            browser.get(url("/transfer/send.xhtml"));
            waitFor(browser, "send:to");
            type(browser, "send:to", jack.email());
            type(browser, "send:amount", "25.001");
            type(browser, "send:note", "Rent <share>");
            click(browser, "send:continue");
            waitFor(browser, "send:amount-error");
            assertTrue(text(browser).contains("This currency has 2 decimal places"), text(browser));

            type(browser, "send:amount", "25.00");
            click(browser, "send:continue");
            waitFor(browser, "confirm:submit");
            String summary = browser.findElement(By.id("summary")).getText();
            assertTrue(summary.contains(jack.username()) && summary.contains(jack.email()), summary);
            assertTrue(summary.contains("$25.00") && summary.contains("$0.00") && summary.contains("Rent <share>"), summary);
            assertEquals("USD 100.00 100.00", balances(ivy), "nothing moves before the confirmation");

            type(browser, "confirm:code", nextCode(ivy.email(), 2));
            click(browser, "confirm:submit");
            waitFor(browser, "reference");
            assertTrue(browser.findElement(By.id("reference")).getText().startsWith("tr_"), text(browser));
            assertTrue(text(browser).contains("You sent $25.00 to " + jack.username()), text(browser));
            assertEquals("USD 75.00 75.00", balances(ivy));

            browser.get(url("/wallet/home.xhtml"));
            waitFor(browser, "balance-USD");
            assertTrue(browser.findElement(By.id("balance-USD")).getText().contains("$75.00"), text(browser));
            assertTrue(browser.findElement(By.id("recent")).getText().contains("to " + jack.username()), text(browser));
            // To an address without an account: the confirmation says so; the home page lists it and can cancel it.
            String invited = "ivyfriend" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "@example.com";
            browser.get(url("/transfer/send.xhtml"));
            waitFor(browser, "send:to");
            type(browser, "send:to", invited);
            type(browser, "send:amount", "5");
            click(browser, "send:continue");
            waitFor(browser, "invite");
            assertTrue(browser.findElement(By.id("invite")).getText().contains("has no OKPay account yet"), text(browser));
            type(browser, "confirm:code", nextCode(ivy.email(), 3));
            click(browser, "confirm:submit");
            waitFor(browser, "reference");
            assertEquals("USD 70.00 70.00", balances(ivy));
            browser.get(url("/wallet/home.xhtml"));
            waitFor(browser, "waiting");
            assertTrue(browser.findElement(By.id("waiting")).getText().contains(invited), text(browser));
            press(browser, browser.findElement(By.cssSelector("#waiting input[type=submit]")));
            waitFor(browser, "balances");
            assertTrue(text(browser).contains("The transfer is cancelled"), text(browser));
            assertEquals("USD 75.00 75.00", balances(ivy));

            browser.get(url("/wallet/history.xhtml?lang=zh-CN&type=p2p_transfer"));
            waitFor(browser, "history");
            assertTrue(text(browser).contains("交易记录") && text(browser).contains("转账给 " + jack.username()), text(browser));
        } finally {
            browser.quit();
        }
    }

    @Test
    @DisplayName("history: filters and detail (404 for others); CSV export with running balances and neutralised formulas; monthly statements")
    void historyExportAndStatements() {
        Person lena = person("en");
        Person mo = person("zh-CN");
        String usdTopUp = fund(lena, "USD", "100.00");
        String first = """
                {"to":"%s","amount":"12.50","currency":"USD","note":"=cmd()"}""".formatted(mo.email());
        HttpResponse<String> challenged = send(lena, "h1", first);
        HttpResponse<String> sent = send(lena, "h1", withCode(first, Http.json(challenged).getString("challenge_id"), nextCode(lena.email(), 1)));
        assertEquals(201, sent.statusCode(), sent.body());
        String firstTxn = Http.json(sent).getString("transaction_id");
        HttpResponse<String> again = send(lena, "h2", """
                {"to":"%s","amount":"1.25","currency":"USD","note":"rent, \\"May\\""}""".formatted(mo.username()));
        assertEquals(201, again.statusCode(), again.body());
        String secondTxn = Http.json(again).getString("transaction_id");
        String eurTopUp = fund(lena, "EUR", "5.00");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String range = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);

        // Filters on the list: counterparty, dates, both validated.
        JsonArray withMo = Http.json(http.get("/api/v1/transactions?counterparty=" + mo.username().substring(2, 9).toUpperCase(),
                auth(lena))).getJsonArray("data");
        assertEquals(List.of(secondTxn, firstTxn), withMo.getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("transaction_id")).toList(), "part of the username, any case");
        assertEquals("rent, \"May\"", withMo.getJsonObject(0).getString("note"));
        assertEquals(0, Http.json(http.get("/api/v1/transactions?counterparty=nobody_", auth(lena))).getJsonArray("data").size());
        assertEquals(4, Http.json(http.get("/api/v1/transactions?" + range, auth(lena))).getJsonArray("data").size());
        assertEquals(0, Http.json(http.get("/api/v1/transactions?from=" + today.plusDays(1), auth(lena))).getJsonArray("data").size());
        assertEquals(1, Http.json(http.get("/api/v1/transactions?currency=EUR&to=" + today, auth(lena))).getJsonArray("data").size());
        assertFieldError(http.get("/api/v1/transactions?from=2026-02-30", auth(lena)), "from", "date_invalid");
        assertFieldError(http.get("/api/v1/transactions?from=" + today + "&to=" + today.minusDays(1), auth(lena)),
                "to", "date_range_reversed");

        // One transaction in detail, for each side; someone else's is not found.
        JsonObject detail = Http.json(http.get("/api/v1/transactions/" + firstTxn, auth(lena)));
        assertEquals("p2p_transfer " + mo.username() + " =cmd() " + Http.json(sent).getString("id"),
                detail.getString("type") + " " + detail.getString("counterparty") + " " + detail.getString("note")
                        + " " + detail.getString("reference"));
        assertEquals("USD -12.50 0.00 87.50", detailLine(detail));
        assertEquals("USD 12.50 0.00 12.50", detailLine(Http.json(http.get("/api/v1/transactions/" + firstTxn, auth(mo)))));
        HttpResponse<String> stranger = http.get("/api/v1/transactions/" + firstTxn, auth(person("en")));
        assertEquals(404, stranger.statusCode(), stranger.body());
        assertEquals("not_found", Http.json(stranger).getString("code"));
        assertEquals(404, http.get("/api/v1/transactions/txn_nothing", auth(lena)).statusCode());

        // CSV export: oldest first, running balances per currency, quoted and neutralised notes, the person's language.
        HttpResponse<String> export = http.get("/api/v1/transactions/export?" + range, auth(lena));
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), export.headers().toString());
        assertTrue(export.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename="),
                export.headers().toString());
        assertTrue(export.body().startsWith("\uFEFF"), "UTF-8 with a byte order mark");
        assertTrue(export.body().endsWith("\r\n"));
        List<String> rows = List.of(export.body().substring(1).split("\r\n"));
        assertEquals(List.of("Date (UTC),Transaction,Type,Description,Counterparty,Order,Note,Amount,Currency,Fee,Balance after",
                usdTopUp + ",Top-up,Top-up,,,,100.00,USD,0.00,100.00",
                firstTxn + ",Transfer,Transfer to " + mo.username() + "," + mo.username() + ",,'=cmd(),-12.50,USD,0.00,87.50",
                secondTxn + ",Transfer,Transfer to " + mo.username() + "," + mo.username()
                        + ",,\"rent, \"\"May\"\"\",-1.25,USD,0.00,86.25",
                eurTopUp + ",Top-up,Top-up,,,,5.00,EUR,0.00,5.00"),
                rows.stream().map(r -> r.startsWith("Date") ? r : r.substring(r.indexOf(',') + 1)).toList());
        rows.stream().skip(1).forEach(r -> assertTrue(Instant.parse(r.substring(0, r.indexOf(','))).isAfter(Instant.now().minusSeconds(600)), r));
        List<String> moRows = List.of(http.get("/api/v1/transactions/export?" + range, auth(mo)).body().substring(1).split("\r\n"));
        assertEquals("日期（Asia/Shanghai）,交易编号,类型,说明,对方,订单,备注,金额,币种,手续费,交易后余额", moRows.get(0),
                "signed up in Chinese without a time zone: China's");
        assertEquals(3, moRows.size(), moRows.toString());
        assertTrue(moRows.get(1).endsWith(",转账,来自 " + lena.username() + " 的转账," + lena.username()
                + ",,'=cmd(),12.50,USD,0.00,12.50"), moRows.get(1));
        assertEquals(2, http.get("/api/v1/transactions/export?currency=EUR&" + range, auth(lena)).body().split("\r\n").length);
        assertFieldError(http.get("/api/v1/transactions/export?from=2025-01-01&to=2026-01-02", auth(lena)), "to", "export_range_too_long");
        assertEquals(200, http.get("/api/v1/transactions/export?from=2025-01-01&to=2026-01-01", auth(lena)).statusCode(), "366 days");
        assertFieldError(http.get("/api/v1/transactions/export?to=" + today, auth(lena)), "from", "date_required");
        assertEquals(401, http.get("/api/v1/transactions/export?" + range).statusCode());

        // Monthly statements: this month adds up; the month before is empty; the next is refused.
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        JsonObject statement = Http.json(http.get("/api/v1/statements/" + month + "?currency=USD", auth(lena)));
        assertEquals("0.00 100.00 13.75 86.25", statement.getString("opening_balance") + " " + statement.getString("money_in")
                + " " + statement.getString("money_out") + " " + statement.getString("closing_balance"));
        assertEquals(List.of(usdTopUp, firstTxn, secondTxn), statement.getJsonArray("entries").getValuesAs(JsonObject.class)
                .stream().map(t -> t.getString("transaction_id")).toList());
        assertEquals(month.atDay(1) + "T00:00:00Z", statement.getString("from"));
        JsonObject before = Http.json(http.get("/api/v1/statements/" + month.minusMonths(1) + "?currency=USD", auth(lena)));
        assertEquals("0.00 0.00 0", before.getString("opening_balance") + " " + before.getString("closing_balance") + " "
                + before.getJsonArray("entries").size());
        assertEquals(before.getString("closing_balance"), statement.getString("opening_balance"), "one month ends where the next begins");
        JsonObject none = Http.json(http.get("/api/v1/statements/" + month + "?currency=JPY", auth(lena)));
        assertEquals("0 0", none.getString("opening_balance") + " " + none.getString("closing_balance"));
        assertFieldError(http.get("/api/v1/statements/" + month.plusMonths(1) + "?currency=USD", auth(lena)), "month",
                "statement_month_future");
        assertFieldError(http.get("/api/v1/statements/2026-13?currency=USD", auth(lena)), "month", "month_invalid");
        assertFieldError(http.get("/api/v1/statements/" + month + "?currency=XYZ", auth(lena)), "currency", "currency_unsupported");
        HttpResponse<String> csv = http.get("/api/v1/statements/" + month + "?currency=USD", "Authorization",
                "Bearer " + lena.token(), "Accept", "text/csv");
        assertEquals(200, csv.statusCode(), csv.body());
        List<String> lines = List.of(csv.body().substring(1).split("\r\n"));
        assertEquals(8, lines.size(), "header, opening, 3 entries, in, out, closing: " + csv.body());
        assertEquals(month.atDay(1) + "T00:00:00Z,,Opening balance,,,,,,USD,,0.00", lines.get(1));
        assertTrue(lines.get(3).contains(",'=cmd(),-12.50,USD,0.00,87.50"), lines.get(3));
        assertTrue(lines.get(5).endsWith(",,Money in,,,,,100.00,USD,,"), lines.get(5));
        assertTrue(lines.get(6).endsWith(",,Money out,,,,,-13.75,USD,,"), lines.get(6));
        assertTrue(lines.get(7).endsWith(",,Closing balance,,,,,,USD,,86.25"), lines.get(7));
        assertEquals(csv.body(), http.get("/api/v1/statements/" + month + "?currency=USD&format=csv", auth(lena)).body());
        assertTrue(http.get("/api/v1/statements/" + month + "?currency=USD", auth(lena)).headers()
                .firstValue("Content-Type").orElse("").startsWith("application/json"), "JSON unless CSV is asked for");
    }

    @Test
    @DisplayName("in a browser: history filtered by counterparty, a transaction's detail page, the statement page in Chinese and its CSV")
    void browserHistoryAndStatement() throws Exception {
        Person paula = person("en");
        Person quinn = person("en");
        fund(paula, "USD", "40.00");
        String body = """
                {"to":"%s","amount":"5.00","currency":"USD","note":"books <3"}""".formatted(quinn.email());
        HttpResponse<String> sent = send(paula, "b1", withCode(body,
                Http.json(send(paula, "b1", body)).getString("challenge_id"), nextCode(paula.email(), 1)));
        assertEquals(201, sent.statusCode(), sent.body());
        String transactionId = Http.json(sent).getString("transaction_id");
        String othersTransaction = fund(quinn, "EUR", "1.00");
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, paula.email());

            browser.get(url("/wallet/history.xhtml?counterparty=" + quinn.username()));
            waitFor(browser, "history");
            String history = browser.findElement(By.id("history")).getText();
            assertTrue(history.contains("to " + quinn.username()) && history.contains(transactionId) && !history.contains("Top-up"), history);
            assertTrue(browser.findElement(By.id("download")).getAttribute("href").contains("counterparty=" + quinn.username()));
            press(browser, browser.findElement(By.linkText(transactionId)));
            waitFor(browser, "transaction");
            String detail = browser.findElement(By.id("transaction")).getText();
            assertTrue(detail.contains("Transfer to " + quinn.username()) && detail.contains("books <3")
                    && detail.contains("-$5.00") && detail.contains("$35.00"), detail);
            String ids = browser.findElement(By.id("ids")).getText();
            assertTrue(ids.contains(transactionId) && ids.contains(Http.json(sent).getString("id")), ids);
            assertTrue(detail.indexOf("Transfer to") < detail.indexOf("-$5.00"), "what it was first, then the amount: " + detail);
            browser.get(url("/wallet/transaction.xhtml?id=" + othersTransaction));
            assertTrue(text(browser).contains("Page not found"), "someone else's transaction: " + text(browser));

            browser.get(url("/wallet/history.xhtml?from=2026-02-30"));
            waitFor(browser, "filter-errors");
            assertTrue(text(browser).contains("Enter a date like"), text(browser));

            browser.get(url("/wallet/statement.xhtml?lang=zh-CN&currency=USD&month=" + month));
            waitFor(browser, "statement");
            assertTrue(text(browser).contains("月度对账单") && text(browser).contains("UTC"), text(browser));
            assertTrue(browser.findElement(By.id("opening")).getText().contains("0.00"), text(browser));
            assertTrue(browser.findElement(By.id("closing")).getText().contains("35.00"), text(browser));
            assertTrue(browser.findElement(By.id("entries")).getText().contains("转账给 " + quinn.username()), text(browser));
            assertTrue(browser.findElement(By.id("print")).isDisplayed(), "the print button, shown by its script");
            String csvLink = browser.findElement(By.id("download")).getAttribute("href");
            String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            HttpResponse<String> csv = http.get(csvLink.substring(csvLink.indexOf("/wallet/")), "Cookie", cookies);
            assertEquals(200, csv.statusCode(), csv.body());
            assertTrue(csv.body().startsWith("\uFEFF日期（UTC）,交易编号"), csv.body());
            assertTrue(csv.body().contains(",,期末余额,,,,,,USD,,35.00\r\n"), csv.body());
            HttpResponse<String> anonymous = http.get(csvLink.substring(csvLink.indexOf("/wallet/")));
            assertFalse(anonymous.body().contains("期末余额") || anonymous.body().contains("Closing"), "signed out: no statement");

            browser.get(url("/wallet/statement.xhtml?lang=en&currency=USD&month=" + month.plusMonths(1)));
            waitFor(browser, "statement-errors");
            assertTrue(text(browser).contains("has not started yet"), text(browser));
            browser.get(url("/wallet/statement.xhtml?currency=USD&month=" + month.minusMonths(1)));
            waitFor(browser, "no-entries");
            assertTrue(browser.findElement(By.id("closing")).getText().contains("$0.00"), text(browser));

            // The session cookie means nothing to the API, however the path to it is spelled: whatever the container
            // routes to the API answers as the API (401 for /me, 404 where the spelling does not reach a resource),
            // never as paula.
            for (String me : List.of("/api/v1/me", "/%61pi/v1/me", "/api;x/v1/me", "/api/v1;x/me", "//api/v1/me")) {
                HttpResponse<String> answer = http.get(me, "Cookie", cookies);
                assertTrue(answer.statusCode() == 401 || answer.statusCode() == 404, me + ": " + answer.body());
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                        me + ": " + answer.headers().map());
                assertFalse(answer.body().contains(paula.id()), me + ": " + answer.body());
            }
            // The session ends elsewhere (a password reset ends them all): its downloads end with it.
            assertEquals(202, http.post("/api/v1/auth/password-reset", "{\"email\":\"" + paula.email() + "\"}").statusCode());
            String resetLink = MailCatcher.link(MailCatcher.await(paula.email(), "Reset"), "/identity/reset.xhtml");
            assertEquals(204, http.post("/api/v1/auth/password-reset/confirm", "{\"token\":\""
                    + resetLink.substring(resetLink.indexOf("token=") + "token=".length())
                    + "\",\"password\":\"a brand new passphrase 7\"}").statusCode());
            HttpResponse<String> ended = http.get(csvLink.substring(csvLink.indexOf("/wallet/")), "Cookie", cookies);
            assertEquals(302, ended.statusCode(), "an ended session downloads nothing: " + ended.body());
            assertTrue(ended.headers().firstValue("Location").orElse("").contains("/signin.xhtml?ended=true"),
                    ended.headers().map().toString());
            assertFalse(ended.body().contains("期末余额"), ended.body());
        } finally {
            browser.quit();
        }
    }

    @Test
    @DisplayName("a person in Shanghai: zone from the browser at sign-up; local times on pages, in the CSV and the e-mail; "
            + "local days and months in filters and statements; the zone changed on the account page and by the API")
    void timesInThePersonsZone() throws Exception {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        String name = "tz" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String email = name + "@example.com";
        WebDriver browser = Browsers.chromium();
        try {
            // The browser says it is in Shanghai; English alone would have meant UTC, so the zone came from the page.
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Shanghai"));
            browser.get(url("/signup.xhtml?lang=en"));
            waitFor(browser, "signup");
            type(browser, "signup:email", email);
            type(browser, "signup:username", name);
            type(browser, "signup:password", PASSWORD);
            assertEquals("Asia/Shanghai", browser.findElement(By.id("signup:timeZone")).getAttribute("value"));
            click(browser, "signup:submit");
            People.verify(email, "en");
            String token = People.token(email);
            Person ling = new Person(Http.json(http.get("/api/v1/me", "Authorization", "Bearer " + token)).getString("id"),
                    email, name, token, "en");
            assertEquals("Asia/Shanghai en", Http.json(http.get("/api/v1/me", auth(ling))).getString("time_zone") + " "
                    + Http.json(http.get("/api/v1/me", auth(ling))).getString("locale"));
            assertTrue(MailCatcher.await(email, "New sign-in").text().contains(" GMT+8"), "the sign-in notice in her time");

            String topUp = fund(ling, "USD", "20.00");
            Instant created = Instant.parse(Http.json(http.get("/api/v1/transactions/" + topUp, auth(ling))).getString("created"));
            String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(created.atZone(shanghai)) + " GMT+8";
            LocalDate day = LocalDate.ofInstant(created, shanghai);

            // CSV: the header names the zone, each date carries its offset.
            List<String> rows = List.of(http.get("/api/v1/transactions/export?from=" + day + "&to=" + day, auth(ling))
                    .body().substring(1).split("\r\n"));
            assertEquals(2, rows.size(), rows.toString());
            assertTrue(rows.get(0).startsWith("Date (Asia/Shanghai),"), rows.get(0));
            assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created.truncatedTo(ChronoUnit.SECONDS).atZone(shanghai))
                    + "," + topUp, rows.get(1).substring(0, rows.get(1).indexOf("," + topUp) + 1 + topUp.length()));
            assertTrue(rows.get(1).startsWith(day + "T") && rows.get(1).contains("+08:00,"), rows.get(1));

            // The statement's month is her local month: it opens at midnight in Shanghai.
            YearMonth month = YearMonth.from(created.atZone(shanghai));
            JsonObject statement = Http.json(http.get("/api/v1/statements/" + month + "?currency=USD", auth(ling)));
            assertEquals("Asia/Shanghai " + month.atDay(1) + "T00:00:00+08:00 " + month.plusMonths(1).atDay(1) + "T00:00:00+08:00",
                    statement.getString("time_zone") + " " + statement.getString("from") + " " + statement.getString("to"));
            assertEquals(List.of(topUp), statement.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                    .map(t -> t.getString("transaction_id")).toList());

            // Days are hers whatever the clock says: Kiritimati (UTC+14) and Pago Pago (UTC-11) never share a date.
            LocalDate kiritimatiDay = LocalDate.ofInstant(created, ZoneId.of("Pacific/Kiritimati"));
            String sameDay = "/api/v1/transactions?from=" + kiritimatiDay + "&to=" + kiritimatiDay;
            assertEquals(200, changeZone(ling, "Pacific/Kiritimati").statusCode());
            assertEquals(1, Http.json(http.get(sameDay, auth(ling))).getJsonArray("data").size(), "her day in Kiritimati");
            assertEquals(200, changeZone(ling, "Pacific/Pago_Pago").statusCode());
            assertEquals(0, Http.json(http.get(sameDay, auth(ling))).getJsonArray("data").size(), "not yet that day in Pago Pago");
            assertFieldError(changeZone(ling, "Mars/Olympus_Mons"), "time_zone", "time_zone_invalid");
            assertEquals("Asia/Shanghai", Http.json(changeZone(ling, "Asia/Shanghai")).getString("time_zone"));

            // A transfer's receipts say when, each in its reader's zone: hers in Shanghai, the sender's in UTC.
            Person sender = person("en");
            fund(sender, "USD", "10.00");
            String gift = """
                    {"to":"%s","amount":"2.00","currency":"USD","note":"茶钱"}""".formatted(email);
            HttpResponse<String> given = send(sender, "tz1", withCode(gift,
                    Http.json(send(sender, "tz1", gift)).getString("challenge_id"), nextCode(sender.email(), 1)));
            assertEquals(201, given.statusCode(), given.body());
            String received = MailCatcher.await(email, "You received").text();
            assertTrue(received.matches("(?s).* on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} GMT\\+8\\..*"), received);
            String sentReceipt = MailCatcher.await(sender.email(), "You sent").text();
            assertTrue(sentReceipt.matches("(?s).* on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} GMT\\..*"), sentReceipt);

            // Pages: home, history and detail show her local time.
            browser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, email);
            browser.get(url("/wallet/home.xhtml"));
            assertTrue(text(browser).contains(local), local + " on the home page: " + text(browser));
            browser.get(url("/wallet/history.xhtml?from=" + day + "&to=" + day));
            waitFor(browser, "history");
            assertTrue(browser.findElement(By.id("history")).getText().contains(local), browser.findElement(By.id("history")).getText());
            browser.get(url("/wallet/transaction.xhtml?id=" + topUp));
            waitFor(browser, "transaction");
            assertTrue(browser.findElement(By.id("transaction")).getText().contains(local), text(browser));
            browser.get(url("/wallet/statement.xhtml"));
            waitFor(browser, "statement");
            assertTrue(text(browser).contains(month.atDay(1) + " to " + month.atEndOfMonth() + " (Asia/Shanghai)"), text(browser));

            // The account page changes the zone; the same moment then reads in Paris time.
            browser.get(url("/identity/account.xhtml"));
            waitFor(browser, "zone");
            Select zones = new Select(browser.findElement(By.id("zone:time_zone")));
            assertEquals("Asia/Shanghai", zones.getFirstSelectedOption().getAttribute("value"));
            zones.selectByValue("Europe/Paris");
            click(browser, "zone:save");
            assertTrue(text(browser).contains("Your time zone is now Europe/Paris."), text(browser));
            browser.get(url("/wallet/transaction.xhtml?id=" + topUp));
            waitFor(browser, "transaction");
            ZonedDateTime inParis = created.atZone(ZoneId.of("Europe/Paris"));
            assertTrue(text(browser).contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(inParis)
                    + " GMT+" + inParis.getOffset().getTotalSeconds() / 3600), text(browser));
        } finally {
            browser.quit();
        }
    }

    HttpResponse<String> changeZone(Person person, String zone) {
        return http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/me/time-zone"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"time_zone\":\"" + zone + "\"}")), auth(person));
    }

    static String detailLine(JsonObject detail) {
        JsonObject line = detail.getJsonArray("lines").getJsonObject(0);
        return line.getString("currency") + " " + line.getString("amount") + " " + line.getString("fee") + " "
                + line.getString("balance_after");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** "USD 87.50 87.50" per wallet (currency, balance, available), joined by "; ". */
    String balances(Person person) {
        HttpResponse<String> response = http.get("/api/v1/balances", auth(person));
        assertEquals(200, response.statusCode(), response.body());
        return ((JsonArray) Http.parse(response.body())).getValuesAs(JsonObject.class).stream()
                .map(b -> b.getString("currency") + " " + b.getString("balance") + " " + b.getString("available"))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    static String[] auth(Person person) {
        return new String[]{"Authorization", "Bearer " + person.token()};
    }

    HttpResponse<String> send(Person sender, String key, String json) {
        return http.post("/api/v1/transfers", json, "Authorization", "Bearer " + sender.token(),
                "Idempotency-Key", sender.id() + "-" + key);
    }

    static String amountBody(Person to, String amount, String currency) {
        return """
                {"to":"%s","amount":"%s","currency":"%s"}""".formatted(to.email(), amount, currency);
    }

    static String withCode(String json, String challengeId, String code) {
        return json.substring(0, json.lastIndexOf('}')) + ",\"challenge_id\":\"" + challengeId + "\",\"code\":\"" + code + "\"}";
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
