package io.okpay.risk;

import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import io.okpay.it.People;
import io.okpay.it.People.Person;
import io.okpay.it.Race;
import io.okpay.it.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static io.okpay.it.MailCatcher.codeMails;
import static io.okpay.it.MailCatcher.nextCode;
import static io.okpay.it.People.fund;
import static io.okpay.it.People.person;
import static io.okpay.it.ProblemAssertions.assertFieldError;
import static io.okpay.it.ProblemAssertions.assertNotFound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tiers and limits, freezes and self-locks through the API, black box. The test server's T1 limits (web/pom.xml,
 * okpay.it.server.options) are, for every kind: 10,000.00 EUR per transaction, 30,000.00 a day, 60,000.00 a month,
 * 300 movements an hour. Days and months are reached by setting what the person already used (test-risk/usage), as
 * if earlier movements had added up to it; every edge is then crossed by a real request.
 */
@Execution(ExecutionMode.CONCURRENT)
@Order(9)
class LimitsIT {

    static final long TRANSACTION = 1_000_000;
    static final long DAY = 3_000_000;
    static final long MONTH = 6_000_000;
    static final int PER_HOUR = 300;
    static final String IBAN = "DE89 3704 0044 0532 0130 00";

    final URL base = TestServer.base();

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    // ---- tiers ----------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("GET /me/limits: T0 before the e-mail is verified, T1 after, T2 once identity is approved; used and resets")
    void tiers() {
        Person nina = People.unverified();
        JsonObject t0 = limits(nina);
        assertEquals("T0", t0.getString("tier"), t0.toString());
        assertEquals("0.00", limit(t0, "send.day").getString("max"));
        assertTrue(t0.getString("raise_limits_url").endsWith("/kyc/verify.xhtml"), t0.toString());

        People.verify(nina.email(), "en");
        JsonObject t1 = limits(nina);
        assertEquals("T1", t1.getString("tier"), t1.toString());
        assertEquals("EUR", t1.getString("currency"));
        assertEquals(20, t1.getJsonArray("limits").size(), "five kinds, four limits each");
        JsonObject day = limit(t1, "send.day");
        assertEquals("30000.00", day.getString("max"));
        assertEquals("0.00", day.getString("used"));
        assertEquals("30000.00", day.getString("remaining"));
        assertNextMidnight(day.getString("resets_at"));
        assertEquals("300", limit(t1, "send.per_hour").getString("max"));
        assertEquals("10000.00", limit(t1, "withdraw.transaction").getString("max"));

        // What a movement uses shows at once.
        Person omar = person();
        fund(nina, "EUR", "50.00");
        assertEquals(201, send(nina, omar, "12.34").statusCode());
        JsonObject after = limits(nina);
        assertEquals("12.34", limit(after, "send.day").getString("used"));
        assertEquals("29987.66", limit(after, "send.day").getString("remaining"));
        assertEquals("12.34", limit(after, "send.month").getString("used"));
        assertEquals("1", limit(after, "send.per_hour").getString("used"));
        assertEquals("50.00", limit(after, "topup.day").getString("used"), "the funding was a top-up");
        assertEquals("0.00", limit(limits(omar), "send.day").getString("used"), "receiving uses nothing");

        assertEquals("1", http.post("/api/v1/test-risk/approve/" + nina.id(), "").body());
        JsonObject t2 = limits(nina);
        assertEquals("T2", t2.getString("tier"), t2.toString());
        assertEquals("50000.00", limit(t2, "send.day").getString("max"));
        assertTrue(!t2.containsKey("raise_limits_url") || t2.isNull("raise_limits_url"), t2.toString());
        assertEquals(401, http.get("/api/v1/me/limits").statusCode());
    }

    @Test
    @DisplayName("a refusal says which limit, what is left and when it resets, in the reader's language")
    void refusalInWords() {
        Person li = person("zh-CN");
        Person ming = person();
        fund(li, "EUR", "100.00");
        assertEquals(201, send(li, ming, "1.00").statusCode());
        usage(li, "send", "day", DAY - 500);
        HttpResponse<String> refused = http.post("/api/v1/transfers", transferBody(ming, "5.01"),
                "Authorization", li.bearer(), "Idempotency-Key", key(), "Accept-Language", "zh-CN");
        JsonObject problem = assertLimit(refused, "send.day");
        assertEquals("5.00", problem.getJsonObject("remaining").getString("amount"));
        assertEquals("EUR", problem.getJsonObject("remaining").getString("currency"));
        assertTrue(problem.getString("detail").contains("超出每日转账限额"), problem.toString());
        assertTrue(problem.getString("detail").contains("实名认证"), problem.toString());
        HttpResponse<String> english = http.post("/api/v1/transfers", transferBody(ming, "5.01"),
                "Authorization", li.bearer(), "Idempotency-Key", key(), "Accept-Language", "en");
        assertTrue(Http.json(english).getString("detail").contains("sending per day"), english.body());
    }

    // ---- every kind at its edges ----------------------------------------------------------------------------------

    @Test
    @DisplayName("top-ups: per transaction, day, month and per hour, exactly at the limit passes, a cent over is refused")
    void topUpEdges() {
        Person p = person();
        edges(p, "topup", amount -> http.post("/api/v1/test-ledger/fund/" + p.id() + "/EUR/" + amount, ""), "10000.00");
    }

    @Test
    @DisplayName("a card top-up over the day's limit is refused before the card is charged")
    void cardTopUpRefusedFirst() {
        Person p = person();
        usage(p, "topup", "day", DAY - 1000);
        HttpResponse<String> refused = http.post("/api/v1/topups", """
                {"method":"card","amount":"10.01","currency":"EUR","card":{"number":"4242 4242 4242 4242",\
                "exp_month":12,"exp_year":2035,"cvc":"123"}}""",
                "Authorization", p.bearer(), "Idempotency-Key", key());
        assertLimit(refused, "topup.day");
        assertEquals("[]", http.get("/api/v1/balances", "Authorization", p.bearer()).body().replace(" ", ""),
                "nothing was credited");
    }

    @Test
    @DisplayName("sending: per transaction, day, month and per hour, at the limit passes, a cent over is refused")
    void sendEdges() {
        Person p = person();
        Person to = person();
        fund(p, "EUR", "10000.00");
        fund(p, "EUR", "100.00");
        edges(p, "send", amount -> send(p, to, amount), "10000.00");
    }

    @Test
    @DisplayName("paying a shop: per transaction, day, month and per hour, at the limit passes, a cent over is refused")
    void payEdges() {
        Person p = person();
        Shop shop = shop();
        fund(p, "EUR", "10000.00");
        fund(p, "EUR", "100.00");
        edges(p, "pay", amount -> pay(p, shop, amount), "10000.00");
    }

    @Test
    @DisplayName("withdrawing: per transaction, day, month and per hour, at the limit passes, a cent over is refused")
    void withdrawEdges() {
        Person p = person();
        fund(p, "EUR", "10000.00");
        fund(p, "EUR", "100.00");
        edges(p, "withdraw", amount -> payout(p, amount), "10000.00");
    }

    @Test
    @DisplayName("converting: per transaction, day, month and per hour, at the limit passes, a cent over is refused")
    void convertEdges() {
        Person p = person();
        fund(p, "EUR", "10000.00");
        fund(p, "EUR", "100.00");
        // The fee comes on top of the amount sold: the sale whose total is exactly the limit.
        edges(p, "convert", amount -> convert(p, amount), saleWithTotal(p, "10000.00"));
    }

    /**
     * The four limits of a kind, each crossed by a real request: 10,000.01 then 10,000.00; then what 10.00 counts
     * (fees included) is measured, and the day, the month and the hour are set just short of their edge.
     */
    void edges(Person p, String kind, Function<String, HttpResponse<String>> act, String atLimit) {
        JsonObject over = assertLimit(act.apply("10000.01"), kind + ".transaction");
        assertEquals("10000.00", over.getJsonObject("remaining").getString("amount"));
        assertFalse(over.containsKey("resets_at"), over.toString());
        assertSucceeded(act.apply(atLimit));
        assertEquals("10000.00", limit(limits(p), kind + ".day").getString("used"), "exactly the per-transaction limit");

        usage(p, kind, "day", 0);
        assertSucceeded(act.apply("10.00"));
        long counted = minor(limit(limits(p), kind + ".day").getString("used"));
        assertTrue(counted >= 1000, kind + " counts at least its amount: " + counted);

        usage(p, kind, "day", DAY - counted + 1);
        JsonObject dayOver = assertLimit(act.apply("10.00"), kind + ".day");
        assertEquals(BigDecimal.valueOf(counted - 1, 2).toPlainString(), dayOver.getJsonObject("remaining").getString("amount"));
        assertNextMidnight(dayOver.getString("resets_at"));
        assertTrue(dayOver.getString("raise_limits_url").endsWith("/kyc/verify.xhtml"), dayOver.toString());
        usage(p, kind, "day", DAY - counted);
        assertSucceeded(act.apply("10.00"));
        assertEquals("0.00", limit(limits(p), kind + ".day").getString("remaining"));

        usage(p, kind, "day", 0);
        usage(p, kind, "month", MONTH - counted + 1);
        assertLimit(act.apply("10.00"), kind + ".month");
        usage(p, kind, "month", MONTH - counted);
        assertSucceeded(act.apply("10.00"));
        assertEquals("0.00", limit(limits(p), kind + ".month").getString("remaining"));

        usage(p, kind, "month", 0);
        usage(p, kind, "per_hour", PER_HOUR - 1);
        assertSucceeded(act.apply("10.00"));
        JsonObject hourOver = assertLimit(act.apply("10.00"), kind + ".per_hour");
        assertEquals(0, hourOver.getInt("remaining"));
        assertEquals("0", limit(limits(p), kind + ".per_hour").getString("remaining"));
    }

    // ---- concurrency ----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("20 sends at once with room for 5 in the day: exactly 5 go through, the day's limit is met, not passed")
    void concurrentSendsStopAtTheDayLimit() throws Exception {
        Person erin = person();
        Person finn = person();
        fund(erin, "EUR", "300.00");
        assertEquals(201, send(erin, finn, "1.00").statusCode(), "finn is a known recipient from now on");
        usage(erin, "send", "day", DAY - 5000);
        List<HttpResponse<String>> answers = Race.run(20, i -> new Http(base).post("/api/v1/transfers",
                transferBody(finn, "10.00"), "Authorization", erin.bearer(), "Idempotency-Key", "race-" + i + "-" + key()));
        long sent = answers.stream().filter(a -> a.statusCode() == 201).count();
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() != 201) {
                assertLimit(answer, "send.day");
            }
        }
        assertEquals(5, sent, "room for five transfers of 10.00");
        JsonObject day = limit(limits(erin), "send.day");
        assertEquals("30000.00", day.getString("used"));
        assertEquals("0.00", day.getString("remaining"));
        assertTrue(http.get("/api/v1/balances", "Authorization", erin.bearer()).body().contains("\"249.00\""),
                "300.00 - 1.00 - 5 x 10.00");
    }

    // ---- freeze ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("compliance freezes an account (reason required, audited, mailed): nothing leaves it, money still arrives")
    void freeze() {
        Person officer = People.operator("COMPLIANCE");
        Person ann = person();
        Person bob = person();
        Shop shop = shop();
        fund(ann, "EUR", "100.00");
        fund(bob, "EUR", "100.00");
        assertEquals(201, send(ann, bob, "1.00").statusCode());

        assertFieldError(freezeCall(officer, ann.id(), "freeze", "{\"reason\":\"  \"}"), "reason", "freeze_reason_invalid");
        assertEquals(403, freezeCall(bob, ann.id(), "freeze", "{\"reason\":\"x\"}").statusCode(), "people may not");
        assertEquals(401, http.post("/api/v1/admin/users/" + ann.id() + "/freeze", "{\"reason\":\"x\"}").statusCode());
        assertNotFound(freezeCall(officer, "usr_nobody", "freeze", "{\"reason\":\"x\"}"));

        String reason = "可疑交易 — Überprüfung läuft";
        HttpResponse<String> frozen = freezeCall(officer, ann.id(), "freeze", "{\"reason\":\"" + reason + "\"}");
        assertEquals(200, frozen.statusCode(), frozen.body());
        assertTrue(Http.json(frozen).getBoolean("frozen"));
        MailCatcher.await(ann.email(), "Your OKPay account is frozen");
        String audit = http.get("/api/v1/test-audit?actor=" + officer.id()).body();
        assertTrue(audit.contains("risk.freeze " + ann.id() + " frozen: " + reason), audit);
        assertTrue(Http.json(http.get("/api/v1/me/lock", "Authorization", ann.bearer())).getBoolean("frozen"));

        assertCode(send(ann, bob, "1.00"), "account_frozen_outgoing");
        assertCode(pay(ann, shop, "1.00"), "account_frozen_outgoing");
        assertCode(convert(ann, "1.00"), "account_frozen_outgoing");
        assertCode(payout(ann, "1.00"), "account_frozen_outgoing");

        assertEquals(201, send(bob, ann, "2.50").statusCode(), "money still arrives");
        fund(ann, "EUR", "3.00");
        assertTrue(http.get("/api/v1/balances", "Authorization", ann.bearer()).body().contains("\"104.50\""),
                "100.00 - 1.00 + 2.50 + 3.00");

        HttpResponse<String> unfrozen = freezeCall(officer, ann.id(), "unfreeze", "{\"reason\":\"checked\"}");
        assertEquals(200, unfrozen.statusCode(), unfrozen.body());
        assertFalse(Http.json(unfrozen).getBoolean("frozen"));
        assertEquals(409, freezeCall(officer, ann.id(), "unfreeze", "{\"reason\":\"again\"}").statusCode());
        MailCatcher.await(ann.email(), "Your OKPay account is unfrozen");
        assertSucceeded(send(ann, bob, "1.00"));
        assertSucceeded(payout(ann, "1.00"));
    }

    // ---- self-lock ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("a person locks their own account at once; unlocking takes a code and then 24 hours")
    void selfLock() {
        Person carl = person();
        Person dora = person();
        fund(carl, "EUR", "100.00");
        fund(dora, "EUR", "100.00");
        assertEquals(201, send(carl, dora, "1.00").statusCode());
        assertEquals(409, unlock(carl, "{}").statusCode(), "nothing to unlock yet");

        HttpResponse<String> locked = http.post("/api/v1/me/lock", "", "Authorization", carl.bearer());
        assertEquals(200, locked.statusCode(), locked.body());
        assertTrue(Http.json(locked).getBoolean("locked"));
        MailCatcher.await(carl.email(), "You locked your OKPay account");
        assertCode(send(carl, dora, "1.00"), "account_self_locked");
        assertCode(payout(carl, "1.00"), "account_self_locked");
        assertCode(convert(carl, "1.00"), "account_self_locked");
        assertEquals(201, send(dora, carl, "4.00").statusCode(), "money still arrives");

        int before = codeMails(carl.email());
        HttpResponse<String> asked = unlock(carl, "{}");
        assertEquals(403, asked.statusCode(), asked.body());
        assertEquals("step_up_required", Http.json(asked).getString("code"));
        String challenge = Http.json(asked).getString("challenge_id");
        String code = nextCode(carl.email(), before);
        String wrong = (code.charAt(0) == '9' ? "0" : String.valueOf((char) (code.charAt(0) + 1))) + code.substring(1);
        HttpResponse<String> refused = unlock(carl, "{\"challenge_id\":\"" + challenge + "\",\"code\":\"" + wrong + "\"}");
        assertNotEquals(200, refused.statusCode(), refused.body());
        JsonObject stillLocked = Http.json(http.get("/api/v1/me/lock", "Authorization", carl.bearer()));
        assertTrue(stillLocked.getBoolean("locked"), stillLocked.toString());
        assertTrue(!stillLocked.containsKey("unlocks_at") || stillLocked.isNull("unlocks_at"), "a wrong code sets no end");

        HttpResponse<String> unlocking = unlock(carl, "{\"challenge_id\":\"" + challenge + "\",\"code\":\"" + code + "\"}");
        assertEquals(200, unlocking.statusCode(), unlocking.body());
        JsonObject state = Http.json(unlocking);
        assertTrue(state.getBoolean("locked"), "still locked for 24 hours");
        Duration wait = Duration.between(Instant.now(), Instant.parse(state.getString("unlocks_at")));
        assertTrue(wait.compareTo(Duration.ofHours(23).plusMinutes(55)) > 0 && wait.compareTo(Duration.ofHours(24)) <= 0,
                "unlocks 24 hours after the code: " + wait);
        MailCatcher.await(carl.email(), "unlocks in 24 hours");
        assertCode(send(carl, dora, "1.00"), "account_self_locked");

        assertEquals("1", http.post("/api/v1/test-risk/unlock-now/" + carl.id(), "").body());
        assertFalse(Http.json(http.get("/api/v1/me/lock", "Authorization", carl.bearer())).getBoolean("locked"));
        assertSucceeded(send(carl, dora, "1.00"));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    record Shop(String id, String token) {
    }

    Shop shop() {
        Person owner = person();
        HttpResponse<String> approved = http.post("/api/v1/test-merchant/approved/" + owner.id() + "?name=Tea+Shop&currency=EUR", "");
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject json = Http.json(approved);
        return new Shop(json.getString("merchant_id"), json.getString("access_token"));
    }

    JsonObject limits(Person person) {
        HttpResponse<String> read = http.get("/api/v1/me/limits", "Authorization", person.bearer());
        assertEquals(200, read.statusCode(), read.body());
        return Http.json(read);
    }

    static JsonObject limit(JsonObject limits, String name) {
        return limits.getJsonArray("limits").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("limit").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " in " + limits));
    }

    void usage(Person person, String kind, String period, long value) {
        assertEquals("1", http.post("/api/v1/test-risk/usage/" + person.id() + "/" + kind + "/" + period + "/" + value, "")
                .body());
    }

    HttpResponse<String> send(Person from, Person to, String amount) {
        return withCode(from, "/api/v1/transfers", transferBody(to, amount), key());
    }

    static String transferBody(Person to, String amount) {
        return "{\"to\":\"%s\",\"amount\":\"%s\",\"currency\":\"EUR\"}".formatted(to.email(), amount);
    }

    HttpResponse<String> pay(Person payer, Shop shop, String amount) {
        HttpResponse<String> created = http.post("/api/v1/checkout/sessions", """
                {"amount":"%s","currency":"EUR","merchant_reference":"%s","description":"Green tea",\
                "success_url":"https://shop.example/done","cancel_url":"https://shop.example/cart"}""".formatted(amount, key()),
                "Authorization", "Bearer " + shop.token(), "Idempotency-Key", key());
        assertEquals(201, created.statusCode(), created.body());
        return withCode(payer, "/api/v1/checkout/sessions/" + Http.json(created).getString("id") + "/pay", "{}", key());
    }

    HttpResponse<String> payout(Person person, String amount) {
        return withCode(person, "/api/v1/payouts", """
                {"amount":"%s","currency":"EUR","iban":"%s","account_holder":"Zoë Ångström"}""".formatted(amount, IBAN), key());
    }

    HttpResponse<String> convert(Person person, String amount) {
        HttpResponse<String> quote = http.post("/api/v1/fx/quotes", """
                {"sell_currency":"EUR","buy_currency":"USD","sell_amount":"%s"}""".formatted(amount),
                "Authorization", person.bearer());
        assertEquals(201, quote.statusCode(), quote.body());
        return withCode(person, "/api/v1/fx/conversions", "{\"quote_id\":\"" + Http.json(quote).getString("id") + "\"}", key());
    }

    /** A sell amount in EUR whose total (the fee on top) is exactly {@code total}, found by asking for quotes. */
    String saleWithTotal(Person person, String total) {
        BigDecimal guess = new BigDecimal(total).divide(new BigDecimal("1.0025"), 2, java.math.RoundingMode.DOWN);
        for (int cents = -3; cents <= 3; cents++) {
            String sell = guess.add(BigDecimal.valueOf(cents, 2)).toPlainString();
            HttpResponse<String> quote = http.post("/api/v1/fx/quotes", """
                    {"sell_currency":"EUR","buy_currency":"USD","sell_amount":"%s"}""".formatted(sell),
                    "Authorization", person.bearer());
            assertEquals(201, quote.statusCode(), quote.body());
            if (Http.json(quote).getString("total").equals(total)) {
                return sell;
            }
        }
        throw new AssertionError("no sale near " + guess + " totals " + total);
    }

    HttpResponse<String> unlock(Person person, String body) {
        return http.post("/api/v1/me/lock/unlock", body, "Authorization", person.bearer());
    }

    HttpResponse<String> freezeCall(Person caller, String userId, String action, String body) {
        return http.post("/api/v1/admin/users/" + userId + "/" + action, body, "Authorization", caller.bearer());
    }

    /** The request; when it asks for a one-time code first, the same request again with the e-mailed code. */
    HttpResponse<String> withCode(Person person, String path, String body, String key) {
        int before = codeMails(person.email());
        HttpResponse<String> first = http.post(path, body, "Authorization", person.bearer(), "Idempotency-Key", key);
        if (first.statusCode() != 403 || !"step_up_required".equals(Http.json(first).getString("code"))) {
            return first;
        }
        String answer = "\"challenge_id\":\"" + Http.json(first).getString("challenge_id") + "\",\"code\":\""
                + nextCode(person.email(), before) + "\"}";
        String open = body.substring(0, body.lastIndexOf('}')).strip();
        return http.post(path, open + (open.endsWith("{") ? "" : ",") + answer, "Authorization", person.bearer(),
                "Idempotency-Key", key);
    }

    static JsonObject assertLimit(HttpResponse<String> response, String limit) {
        assertEquals(422, response.statusCode(), response.body());
        JsonObject problem = Http.json(response);
        assertEquals("limit_exceeded", problem.getString("code"), response.body());
        assertEquals(limit, problem.getString("limit"), response.body());
        assertFalse(problem.getString("detail").isBlank());
        return problem;
    }

    static void assertCode(HttpResponse<String> response, String code) {
        assertEquals(422, response.statusCode(), response.body());
        assertEquals(code, Http.json(response).getString("code"), response.body());
    }

    static void assertSucceeded(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.statusCode() + " " + response.body());
    }

    /** A day's limit resets at the next midnight UTC. */
    static void assertNextMidnight(String resetsAt) {
        Instant at = Instant.parse(resetsAt);
        assertEquals(at, at.truncatedTo(ChronoUnit.DAYS), resetsAt);
        assertTrue(at.isAfter(Instant.now()) && !at.isAfter(Instant.now().plus(1, ChronoUnit.DAYS)), resetsAt);
    }

    static long minor(String decimal) {
        return new BigDecimal(decimal).movePointRight(2).longValueExact();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
