package io.okpay.admin;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import io.okpay.it.People;
import io.okpay.it.People.Person;
import io.okpay.it.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.fund;
import static io.okpay.it.People.operator;
import static io.okpay.it.People.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The back office, black box: every admin endpoint against every role (allowed or 403, anonymous 401), the four-eyes
 * rule against the maker by API, replay, a second session and the page, the audit record (with its reason) of each
 * operator action and the chain's check, and the console in a browser (SUPPORT ends a person's sessions; FINANCE
 * imports a statement, assigns a suspense line, proposes an adjustment a second FINANCE operator approves, and the
 * reconciliation page shows the books balanced).
 */
@Order(6)
class BackOfficeIT {

    static final List<String> ROLES = List.of("SUPPORT", "COMPLIANCE", "FINANCE", "ADMIN");

    final URL base = TestServer.base();
    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    /** One admin endpoint and the roles that may call it. */
    record Endpoint(String method, String path, String body, Set<String> allowed) {
    }

    @Test
    @DisplayName("role matrix: each operator role and a plain person against every admin endpoint: allowed or 403; anonymous 401")
    void roleMatrix() {
        Map<String, Person> callers = new LinkedHashMap<>();
        for (String role : ROLES) {
            callers.put(role, operator(role));
        }
        callers.put("USER", person());
        String nobody = "usr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/api/v1/admin/search?q=nobody-" + UUID.randomUUID() + "@example.com", null, Set.copyOf(ROLES)),
                new Endpoint("GET", "/api/v1/admin/users/" + nobody, null, Set.copyOf(ROLES)),
                new Endpoint("POST", "/api/v1/admin/users/" + nobody + "/sessions/revocation", "{}", Set.of("SUPPORT", "ADMIN")),
                new Endpoint("POST", "/api/v1/admin/users/" + nobody + "/second-factors/reset", "{}", Set.of("SUPPORT", "ADMIN")),
                new Endpoint("GET", "/api/v1/admin/operators", null, Set.of("ADMIN")),
                new Endpoint("POST", "/api/v1/admin/operators/" + nobody + "/roles", "{}", Set.of("ADMIN")),
                new Endpoint("POST", "/api/v1/admin/operators/" + nobody + "/roles/SUPPORT/revocation", "{}", Set.of("ADMIN")),
                new Endpoint("GET", "/api/v1/admin/adjustments", null, Set.of("FINANCE")),
                new Endpoint("POST", "/api/v1/admin/adjustments", "{}", Set.of("FINANCE")),
                new Endpoint("POST", "/api/v1/admin/adjustments/adj_none/approve", "{}", Set.of("FINANCE")),
                new Endpoint("POST", "/api/v1/admin/adjustments/adj_none/reject", "{}", Set.of("FINANCE")),
                new Endpoint("GET", "/api/v1/admin/reconciliation", null, Set.of("FINANCE", "ADMIN")),
                new Endpoint("POST", "/api/v1/admin/reconciliation", "{}", Set.of("FINANCE", "ADMIN")),
                new Endpoint("GET", "/api/v1/admin/safeguarding", null, Set.of("FINANCE", "ADMIN")),
                new Endpoint("POST", "/api/v1/admin/safeguarding", "{}", Set.of("FINANCE")),
                new Endpoint("GET", "/api/v1/admin/audit?limit=1", null, Set.of("COMPLIANCE", "ADMIN")),
                new Endpoint("POST", "/api/v1/admin/vouchers/vb_none/approval", "{}", Set.of("FINANCE")),
                new Endpoint("GET", "/api/v1/admin/vouchers", null, Set.of("FINANCE")),
                new Endpoint("POST", "/api/v1/admin/vouchers/vb_none/void", "{}", Set.of("FINANCE")),
                new Endpoint("GET", "/api/v1/admin/outbox", null, Set.of("ADMIN")),
                new Endpoint("POST", "/api/v1/admin/outbox/0/retry", "{}", Set.of("ADMIN")));
        for (Endpoint endpoint : endpoints) {
            assertEquals(401, call(endpoint, null).statusCode(), "anonymous: " + endpoint.path());
            callers.forEach((role, caller) -> {
                HttpResponse<String> answer = call(endpoint, caller.bearer());
                String what = role + " " + endpoint.method() + " " + endpoint.path() + ": " + answer.body();
                if (endpoint.allowed().contains(role)) {
                    assertTrue(answer.statusCode() != 401 && answer.statusCode() != 403 && answer.statusCode() < 500, what);
                } else {
                    assertEquals(403, answer.statusCode(), what);
                }
            });
        }
        // The allowed writes above were refused for their missing reason, never carried out.
        HttpResponse<String> noReason = call(endpoints.get(2), callers.get("SUPPORT").bearer());
        assertEquals(400, noReason.statusCode(), noReason.body());
        assertTrue(noReason.body().contains("reason_required"), noReason.body());
    }

    @Test
    @DisplayName("four eyes: the maker cannot approve or reject their own by API, replay or a second session; another operator's approval posts once; lapsed and decided proposals are refused")
    void fourEyes() {
        Person maker = operator("FINANCE");
        Person checker = operator("FINANCE");
        Person third = operator("FINANCE");
        Person ann = person();
        fund(ann, "EUR", "10.00");
        String key = UUID.randomUUID().toString();
        String proposal = """
                {"account":"%s","amount":"5.00","currency":"EUR","direction":"credit","reason":"退款补偿 – goodwill, Café","ticket":"T-%s"}"""
                .formatted(ann.id(), key.substring(0, 8));
        HttpResponse<String> proposed = http.post("/api/v1/admin/adjustments", proposal, "Authorization", maker.bearer(),
                "Idempotency-Key", key);
        assertEquals(201, proposed.statusCode(), proposed.body());
        JsonObject adjustment = Http.json(proposed);
        String id = adjustment.getString("id");
        assertEquals("proposed", adjustment.getString("status"));
        assertEquals(maker.id(), adjustment.getString("maker"));
        HttpResponse<String> replayed = http.post("/api/v1/admin/adjustments", proposal, "Authorization", maker.bearer(),
                "Idempotency-Key", key);
        assertEquals(id, Http.json(replayed).getString("id"), "the same proposal again is the first one");
        HttpResponse<String> otherPayload = http.post("/api/v1/admin/adjustments", proposal.replace("5.00", "6.00"),
                "Authorization", maker.bearer(), "Idempotency-Key", key);
        assertEquals(409, otherPayload.statusCode(), otherPayload.body());

        String approve = "/api/v1/admin/adjustments/" + id + "/approve";
        String reason = "{\"reason\":\"checked the ticket 已核对\"}";
        HttpResponse<String> own = http.post(approve, reason, "Authorization", maker.bearer());
        assertEquals(403, own.statusCode(), own.body());
        assertEquals("four_eyes_required", Http.json(own).getString("code"));
        assertEquals(403, http.post(approve, reason, "Authorization", maker.bearer()).statusCode(), "replayed");
        String secondSession = People.token(maker.email());
        assertNotEquals(maker.token(), secondSession);
        HttpResponse<String> fromOtherSession = http.post(approve, reason, "Authorization", "Bearer " + secondSession);
        assertEquals(403, fromOtherSession.statusCode(), fromOtherSession.body());
        assertEquals(403, http.post("/api/v1/admin/adjustments/" + id + "/reject", reason, "Authorization",
                "Bearer " + secondSession).statusCode());
        assertEquals("10.00", eur(ann), "nothing is booked before a second operator approves");

        HttpResponse<String> approved = http.post(approve, reason, "Authorization", checker.bearer());
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject done = Http.json(approved);
        assertEquals("approved", done.getString("status"));
        assertEquals(checker.id(), done.getString("checker"));
        String transaction = done.getString("transaction_id");
        assertTrue(transaction.startsWith("txn_"), approved.body());
        assertEquals("15.00", eur(ann));
        HttpResponse<String> again = http.post(approve, reason, "Authorization", checker.bearer());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(transaction, Http.json(again).getString("transaction_id"), "a replayed approval posts nothing new");
        assertEquals("15.00", eur(ann));
        assertEquals(403, http.post(approve, reason, "Authorization", maker.bearer()).statusCode(), "the maker, after it");
        HttpResponse<String> late = http.post("/api/v1/admin/adjustments/" + id + "/reject", reason, "Authorization", third.bearer());
        assertEquals(409, late.statusCode(), late.body());
        assertEquals("adjustment_decided", Http.json(late).getString("code"));
        JsonArray found = Http.parse(http.get("/api/v1/admin/search?q=" + id, "Authorization", checker.bearer()).body())
                .asJsonArray();
        assertTrue(found.toString().contains(transaction), "the posting carries the proposal's id: " + found);

        // A debit larger than the balance is refused and stays proposed; a rejected one books nothing.
        String debit = Http.json(http.post("/api/v1/admin/adjustments", """
                {"account":"%s","amount":"99.00","currency":"EUR","direction":"debit","reason":"chargeback recovered"}"""
                .formatted(ann.id()), "Authorization", maker.bearer())).getString("id");
        HttpResponse<String> tooMuch = http.post("/api/v1/admin/adjustments/" + debit + "/approve", reason, "Authorization",
                checker.bearer());
        assertEquals(422, tooMuch.statusCode(), tooMuch.body());
        assertEquals("insufficient_funds", Http.json(tooMuch).getString("code"));
        HttpResponse<String> rejected = http.post("/api/v1/admin/adjustments/" + debit + "/reject",
                "{\"reason\":\"wrong amount\"}", "Authorization", third.bearer());
        assertEquals("rejected", Http.json(rejected).getString("status"), rejected.body());
        assertEquals("15.00", eur(ann));

        // Proposals lapse.
        String lapsing = Http.json(http.post("/api/v1/admin/adjustments", """
                {"account":"%s","amount":"1.00","currency":"EUR","direction":"credit","reason":"will lapse"}"""
                .formatted(ann.id()), "Authorization", maker.bearer())).getString("id");
        assertEquals("1", http.post("/api/v1/test-admin/lapse/" + lapsing, "").body());
        HttpResponse<String> lapsed = http.post("/api/v1/admin/adjustments/" + lapsing + "/approve", reason,
                "Authorization", checker.bearer());
        assertEquals(409, lapsed.statusCode(), lapsed.body());
        assertEquals("adjustment_expired", Http.json(lapsed).getString("code"));
        assertTrue(http.get("/api/v1/admin/adjustments?status=expired", "Authorization", checker.bearer()).body()
                .contains(lapsing));
        assertEquals("15.00", eur(ann));

        // Bad input: field errors, never a 500.
        HttpResponse<String> bad = http.post("/api/v1/admin/adjustments", """
                {"account":"usr_nobody","amount":"1.001","currency":"EUR","direction":"sideways","reason":""}""",
                "Authorization", maker.bearer());
        assertEquals(400, bad.statusCode(), bad.body());
        for (String field : List.of("account", "amount", "direction", "reason")) {
            assertTrue(bad.body().contains("\"field\":\"" + field + "\""), field + ": " + bad.body());
        }

        String makerTrail = audit(maker.id());
        assertTrue(makerTrail.contains("ADJUSTMENT_PROPOSED " + id) && makerTrail.contains("reason: 退款补偿 – goodwill, Café"),
                makerTrail);
        assertTrue(makerTrail.contains("ADJUSTMENT_SELF_DECISION_REFUSED " + id), makerTrail);
        String checkerTrail = audit(checker.id());
        assertTrue(checkerTrail.contains("ADJUSTMENT_APPROVED " + id) && checkerTrail.contains("reason: checked the ticket 已核对")
                && checkerTrail.contains("PROPOSED by " + maker.id() + " -> APPROVED, posted as " + transaction), checkerTrail);
        assertTrue(audit(third.id()).contains("ADJUSTMENT_REJECTED " + debit + " | reason: wrong amount"), audit(third.id()));
        assertChainIntact();
    }

    @Test
    @DisplayName("voucher batches above the configured total wait for a second FINANCE operator; the issuer cannot approve their own")
    void voucherBatchFourEyes() {
        Person issuer = operator("FINANCE");
        Person second = operator("FINANCE");
        Person eve = person();
        String batch = "{\"amount\":\"600.00\",\"currency\":\"EUR\",\"count\":2,\"expires_at\":\"%s\"}"
                .formatted(java.time.Instant.now().plusSeconds(86400));
        HttpResponse<String> issued = http.post("/api/v1/admin/vouchers", batch, "Authorization", issuer.bearer());
        assertEquals(201, issued.statusCode(), issued.body());
        JsonObject vouchers = Http.json(issued);
        assertEquals("awaiting_approval", vouchers.getString("status"), "1,200.00 EUR is above the default 1,000");
        String id = vouchers.getString("id");
        String code = vouchers.getJsonArray("codes").getString(0);
        HttpResponse<String> early = redeem(eve, code);
        assertEquals(422, early.statusCode(), early.body());
        assertEquals("voucher_unknown", Http.json(early).getString("code"));

        String approval = "/api/v1/admin/vouchers/" + id + "/approval";
        HttpResponse<String> own = http.post(approval, "{\"reason\":\"my own batch\"}", "Authorization", issuer.bearer());
        assertEquals(403, own.statusCode(), own.body());
        assertEquals("four_eyes_required", Http.json(own).getString("code"));
        assertEquals(403, http.post(approval, "{\"reason\":\"my own batch\"}", "Authorization",
                "Bearer " + People.token(issuer.email())).statusCode(), "a second session of the issuer");
        assertEquals(400, http.post(approval, "{}", "Authorization", second.bearer()).statusCode(), "a reason is needed");
        assertEquals(404, http.post("/api/v1/admin/vouchers/vb_none/approval", "{\"reason\":\"no such batch\"}",
                "Authorization", second.bearer()).statusCode());
        HttpResponse<String> approved = http.post(approval, "{\"reason\":\"campaign 双十二 signed off\"}", "Authorization",
                second.bearer());
        assertEquals(204, approved.statusCode(), approved.body());
        assertEquals(409, http.post(approval, "{\"reason\":\"again\"}", "Authorization", second.bearer()).statusCode());
        HttpResponse<String> redeemed = redeem(eve, code);
        assertEquals(201, redeemed.statusCode(), redeemed.body());
        assertEquals("600.00", eur(eve));

        // The desk's records: the batch listed, exported without its codes, its unused voucher voided with a reason.
        String listed = http.get("/api/v1/admin/vouchers", "Authorization", second.bearer()).body();
        assertTrue(listed.contains("\"id\":\"" + id + "\"") && listed.contains("\"redeemed\":1"), listed);
        HttpResponse<String> export = http.get("/api/v1/admin/vouchers/" + id + "/export", "Authorization", second.bearer());
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.body().contains("," + code.substring(code.length() - 4) + ",600.00,EUR,") && export.body()
                .contains(",redeemed," + eve.id() + ",") && export.body().contains(",active,"), export.body());
        assertFalse(export.body().contains(code), "the export never holds a code");
        assertEquals(404, http.get("/api/v1/admin/vouchers/vb_none/export", "Authorization", second.bearer()).statusCode());
        HttpResponse<String> voided = http.post("/api/v1/admin/vouchers/" + id + "/void", "{\"reason\":\"shipment lost 快递丢失\"}",
                "Authorization", second.bearer());
        assertEquals(200, voided.statusCode(), voided.body());
        assertEquals(1, Http.json(voided).getInt("voided"));
        HttpResponse<String> afterVoid = redeem(person(), vouchers.getJsonArray("codes").getString(1));
        assertEquals("voucher_unknown", Http.json(afterVoid).getString("code"), afterVoid.body());
        assertTrue(audit(second.id()).contains("VOUCHERS_VOIDED " + id + " | reason: shipment lost 快递丢失 | 1 unused of 2 -> 1 voided"),
                audit(second.id()));

        HttpResponse<String> small = http.post("/api/v1/admin/vouchers", batch.replace("600.00", "20.00"), "Authorization",
                issuer.bearer());
        assertEquals("active", Http.json(small).getString("status"), "40.00 EUR needs no second approval");
        assertTrue(audit(issuer.id()).contains("VOUCHER_BATCH_SELF_APPROVAL_REFUSED " + id), audit(issuer.id()));
        assertTrue(audit(second.id()).contains("VOUCHER_BATCH_APPROVED " + id + ": 2 voucher(s) issued by " + issuer.id()
                + " | reason: campaign 双十二 signed off | awaiting approval -> redeemable"), audit(second.id()));
    }

    HttpResponse<String> redeem(Person person, String code) {
        return http.post("/api/v1/topups", "{\"method\":\"voucher\",\"code\":\"" + code + "\"}", "Authorization",
                person.bearer(), "Idempotency-Key", UUID.randomUUID().toString());
    }

    @Test
    @DisplayName("find anything, a person's page, ending sessions, safeguarding with CSV, reconciliation, audit filters and outbox: each action audited with its reason")
    void operatorActions() {
        Person support = operator("SUPPORT");
        Person finance = operator("FINANCE");
        Person admin = operator("ADMIN");
        Person compliance = operator("COMPLIANCE");
        Person bo = person("zh-CN");
        String funded = fund(bo, "EUR", "20.00");

        for (String q : List.of(bo.email(), bo.email().toUpperCase(), bo.username(), bo.id())) {
            String hits = http.get("/api/v1/admin/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                    "Authorization", support.bearer()).body();
            assertTrue(hits.contains("\"kind\":\"person\"") && hits.contains(bo.id()), q + ": " + hits);
        }
        String byTransaction = http.get("/api/v1/admin/search?q=" + funded, "Authorization", finance.bearer()).body();
        assertTrue(byTransaction.contains("\"kind\":\"transaction\"") && byTransaction.contains(funded), byTransaction);
        assertEquals("[]", http.get("/api/v1/admin/search?q=nobody-" + UUID.randomUUID(), "Authorization", support.bearer()).body());

        HttpResponse<String> page = http.get("/api/v1/admin/users/" + bo.id(), "Authorization", support.bearer());
        assertEquals(200, page.statusCode(), page.body());
        JsonObject profile = Http.json(page);
        assertEquals(bo.email(), profile.getString("email"));
        assertEquals("20.00", profile.getJsonArray("balances").getJsonObject(0).getString("balance"));
        assertTrue(profile.getJsonArray("history").toString().contains(funded), page.body());
        assertEquals(404, http.get("/api/v1/admin/users/usr_nobody", "Authorization", support.bearer()).statusCode());

        String why = "客户来电：手机丢失 – lost phone";
        HttpResponse<String> ended = http.post("/api/v1/admin/users/" + bo.id() + "/sessions/revocation",
                "{\"reason\":\"" + why + "\"}", "Authorization", support.bearer());
        assertEquals(200, ended.statusCode(), ended.body());
        String refreshToken = People.signIn(bo.email(), null).getString("refresh_token");
        http.post("/api/v1/admin/users/" + bo.id() + "/sessions/revocation", "{\"reason\":\"" + why + "\"}",
                "Authorization", support.bearer());
        HttpResponse<String> refused = http.post("/api/v1/auth/token", """
                {"grant_type":"refresh_token","refresh_token":"%s"}""".formatted(refreshToken));
        assertEquals(401, refused.statusCode(), "refresh tokens are revoked: " + refused.body());
        assertTrue(audit(support.id()).contains("ADMIN_SESSIONS_ENDED " + bo.id() + " | reason: " + why), audit(support.id()));
        String trailOfBo = Http.json(http.get("/api/v1/admin/users/" + bo.id(), "Authorization", support.bearer()))
                .getJsonArray("audit_trail").toString();
        assertTrue(trailOfBo.contains("ADMIN_SESSIONS_ENDED") && trailOfBo.contains(support.id()) && trailOfBo.contains(why)
                && trailOfBo.contains("SIGN_IN"), "the person's page shows what was done about them: " + trailOfBo);

        // Safeguarding: FINANCE enters the day's figure; the report sets it against customer money, also as CSV.
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        HttpResponse<String> future = http.post("/api/v1/admin/safeguarding", """
                {"date":"2999-01-01","amount":"1.00","currency":"EUR","reason":"bank statement"}""",
                "Authorization", finance.bearer());
        assertEquals(400, future.statusCode(), future.body());
        HttpResponse<String> entered = http.post("/api/v1/admin/safeguarding", """
                {"date":"%s","amount":"123456789.00","currency":"JPY","reason":"bank statement of today"}""".formatted(today),
                "Authorization", finance.bearer());
        assertEquals(400, entered.statusCode(), "JPY has no decimals: " + entered.body());
        entered = http.post("/api/v1/admin/safeguarding", """
                {"date":"%s","amount":"123456789","currency":"JPY","reason":"bank statement of today"}""".formatted(today),
                "Authorization", finance.bearer());
        assertEquals(200, entered.statusCode(), entered.body());
        JsonObject line = Http.json(entered);
        assertEquals("123456789", line.getString("held"));
        assertEquals(Long.parseLong(line.getString("held")) - Long.parseLong(line.getString("owed")),
                Long.parseLong(line.getString("difference")));
        String report = http.get("/api/v1/admin/safeguarding?date=" + today, "Authorization", admin.bearer()).body();
        assertTrue(report.contains("\"currency\":\"JPY\"") && report.contains("\"held\":\"123456789\""), report);
        HttpResponse<String> csv = http.get("/api/v1/admin/safeguarding?date=" + today, "Authorization", finance.bearer(),
                "Accept", "text/csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.body().startsWith("\uFEFFdate,currency,customer_money,safeguarded,difference") && csv.body()
                .contains(today + ",JPY,"), csv.body());
        assertEquals(400, http.get("/api/v1/admin/safeguarding?date=yesterday", "Authorization", finance.bearer()).statusCode());
        assertTrue(audit(finance.id()).contains("SAFEGUARDING_FIGURE_ENTERED " + today + " JPY | reason: bank statement of today"),
                audit(finance.id()));

        // Reconciliation: the books balance; a run now, with its reason.
        JsonObject books = Http.json(http.get("/api/v1/admin/reconciliation", "Authorization", admin.bearer()));
        assertTrue(books.getBoolean("balanced"), books.toString());
        HttpResponse<String> run = http.post("/api/v1/admin/reconciliation", "{\"reason\":\"month end\"}", "Authorization",
                admin.bearer());
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(Http.json(run).getBoolean("consistent"), run.body());
        assertTrue(audit(admin.id()).contains("ADMIN_RECONCILIATION_RUN ledger | reason: month end"), audit(admin.id()));

        // Outbox: unknown messages are 404, a bad status a field error.
        assertEquals(404, http.post("/api/v1/admin/outbox/999999999/retry", "{\"reason\":\"smtp fixed\"}",
                "Authorization", admin.bearer()).statusCode());
        assertEquals(400, http.get("/api/v1/admin/outbox?status=lost", "Authorization", admin.bearer()).statusCode());
        assertEquals(200, http.get("/api/v1/admin/outbox?status=dead", "Authorization", admin.bearer()).statusCode());

        // The audit log, filtered, with the chain's check.
        HttpResponse<String> trail = http.get("/api/v1/admin/audit?actor=" + support.id() + "&event=ADMIN_SESSIONS_ENDED",
                "Authorization", compliance.bearer());
        assertEquals(200, trail.statusCode(), trail.body());
        JsonObject audit = Http.json(trail);
        assertEquals(2, audit.getJsonArray("records").size(), trail.body());
        assertTrue(audit.getJsonArray("records").getJsonObject(0).getString("detail").contains(why), trail.body());
        assertTrue(audit.getJsonObject("chain").getBoolean("intact"), trail.body());
        assertEquals(400, http.get("/api/v1/admin/audit?from=last-week", "Authorization", compliance.bearer()).statusCode());
    }

    @Test
    @DisplayName("a person found by phone number however it is typed; their page: tier and limits used, devices, identity reviews, tickets, risk decisions; SUPPORT resets the second factors after a recorded identity check, the person is told in their language")
    void personByPhoneAndSecondFactorReset() throws Exception {
        Person support = operator("SUPPORT");
        Person lin = person("zh-CN");
        String phone = givePhone(lin);
        String ticket = openTicket(lin, "手机丢了，无法登录");
        String verification = submitVerification(lin, "林晓雯");

        String spaced = phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);
        for (String q : List.of(phone, spaced, "00" + phone.substring(1))) {
            String hits = http.get("/api/v1/admin/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                    "Authorization", support.bearer()).body();
            assertTrue(hits.contains("\"kind\":\"person\"") && hits.contains(lin.id()), q + ": " + hits);
        }
        String otherNumber = phone.substring(0, phone.length() - 1) + (phone.endsWith("9") ? "8" : "9");
        assertFalse(http.get("/api/v1/admin/search?q=" + URLEncoder.encode(otherNumber, StandardCharsets.UTF_8),
                "Authorization", support.bearer()).body().contains(lin.id()), "another number finds someone else, if anyone");

        JsonObject page = Http.json(http.get("/api/v1/admin/users/" + lin.id(), "Authorization", support.bearer()));
        assertEquals("T1", page.getJsonObject("limits").getString("tier"), page.toString());
        assertTrue(page.getJsonObject("limits").getJsonArray("lines").toString().contains("\"limit\":\"send.day\""), page.toString());
        assertEquals("SMS", page.getString("second_factor"));
        assertFalse(page.getJsonArray("devices").isEmpty(), page.toString());
        assertEquals(verification, page.getJsonArray("verifications").getJsonObject(0).getString("id"));
        assertEquals("pending", page.getJsonArray("verifications").getJsonObject(0).getString("status"));
        assertFalse(page.toString().contains("林晓雯"), "no identity details on the person's page: " + page);
        assertEquals(ticket, page.getJsonArray("tickets").getJsonObject(0).getString("id"));
        assertTrue(page.containsKey("risk_decisions"), page.toString());

        String reset = "/api/v1/admin/users/" + lin.id() + "/second-factors/reset";
        HttpResponse<String> unchecked = http.post(reset, "{\"check_type\":\"gut_feeling\",\"reason\":\"\"}",
                "Authorization", support.bearer());
        assertEquals(400, unchecked.statusCode(), unchecked.body());
        for (String field : List.of("check_type", "check_detail", "reason")) {
            assertTrue(unchecked.body().contains("\"field\":\"" + field + "\""), field + ": " + unchecked.body());
        }
        assertEquals("SMS", Http.json(http.get("/api/v1/admin/users/" + lin.id(), "Authorization", support.bearer()))
                .getString("second_factor"), "nothing is reset without the check");
        String check = "护照与实名认证一致 – passport matched, video call";
        HttpResponse<String> done = http.post(reset, """
                {"check_type":"id_document_and_video_call","check_detail":"%s","reason":"ticket %s: lost phone"}"""
                .formatted(check, ticket), "Authorization", support.bearer());
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(Http.json(done).getString("before").contains("SMS codes"), done.body());
        assertEquals("EMAIL", Http.json(http.get("/api/v1/admin/users/" + lin.id(), "Authorization", support.bearer()))
                .getString("second_factor"));
        MailCatcher.Received told = MailCatcher.await(lin.email(), "双重验证已被重置");
        assertTrue(told.text().contains(lin.username()) && told.text().contains("验证器应用"), told.text());
        int before = MailCatcher.codeMails(lin.email());
        JsonObject required = Http.json(http.post("/api/v1/auth/token", """
                {"grant_type":"password","email":"%s","password":"%s"}""".formatted(lin.email(), PASSWORD)));
        assertEquals("code_required", required.getString("code"), required.toString());
        HttpResponse<String> signedIn = http.post("/api/v1/auth/token", """
                {"grant_type":"one_time_code","sign_in_id":"%s","challenge_id":"%s","code":"%s"}""".formatted(
                required.getString("sign_in_id"), required.getString("challenge_id"), MailCatcher.nextCode(lin.email(), before)));
        assertEquals(200, signedIn.statusCode(), "the code came by e-mail: " + signedIn.body());
        assertEquals(404, http.post("/api/v1/admin/users/usr_nobody/second-factors/reset", """
                {"check_type":"video_call","check_detail":"face matched","reason":"lost phone"}""", "Authorization",
                support.bearer()).statusCode());

        String trail = audit(support.id());
        assertTrue(trail.contains("ADMIN_SECOND_FACTORS_RESET " + lin.id() + " after identity check id_document_and_video_call: "
                + check + " | reason: ticket " + ticket + ": lost phone | SMS codes"), trail);
        assertChainIntact();
    }

    @Test
    @DisplayName("ADMIN grants and takes away operator roles with a reason: a granted role counts from the next sign-in, a role taken away ends the sessions; wrong roles, unknown and unconfirmed accounts refused; audited")
    void operatorsAndRoles() {
        Person admin = operator("ADMIN");
        Person mei = person();
        String roles = "/api/v1/admin/operators/" + mei.id() + "/roles";
        assertEquals(403, http.get("/api/v1/admin/search?q=x", "Authorization", mei.bearer()).statusCode());

        HttpResponse<String> noReason = http.post(roles, "{\"role\":\"SUPPORT\"}", "Authorization", admin.bearer());
        assertEquals(400, noReason.statusCode(), noReason.body());
        assertTrue(noReason.body().contains("reason_required"), noReason.body());
        HttpResponse<String> customerRole = http.post(roles, "{\"role\":\"MERCHANT\",\"reason\":\"new shop\"}",
                "Authorization", admin.bearer());
        assertEquals(400, customerRole.statusCode(), customerRole.body());
        assertTrue(customerRole.body().contains("role_invalid"), customerRole.body());
        assertEquals(404, http.post("/api/v1/admin/operators/usr_nobody/roles", "{\"role\":\"SUPPORT\",\"reason\":\"new hire\"}",
                "Authorization", admin.bearer()).statusCode());
        Person unconfirmed = People.unverified();
        HttpResponse<String> notConfirmed = http.post("/api/v1/admin/operators/" + unconfirmed.id() + "/roles",
                "{\"role\":\"SUPPORT\",\"reason\":\"new hire\"}", "Authorization", admin.bearer());
        assertEquals(400, notConfirmed.statusCode(), notConfirmed.body());
        assertTrue(notConfirmed.body().contains("operator_unverified"), notConfirmed.body());

        String why = "新同事入职 – new hire on the desk";
        HttpResponse<String> granted = http.post(roles, "{\"role\":\"support\",\"reason\":\"" + why + "\"}",
                "Authorization", admin.bearer());
        assertEquals(200, granted.statusCode(), granted.body());
        assertTrue(Http.json(granted).getBoolean("changed"), granted.body());
        assertEquals("[\"SUPPORT\"]", Http.json(granted).getJsonObject("operator").getJsonArray("roles").toString());
        assertFalse(Http.json(http.post(roles, "{\"role\":\"SUPPORT\",\"reason\":\"again\"}", "Authorization",
                admin.bearer())).getBoolean("changed"), "granting a role held is nothing to do");
        assertTrue(http.get("/api/v1/admin/operators", "Authorization", admin.bearer()).body().contains(mei.id()));
        String asOperator = "Bearer " + People.token(mei.email());
        assertEquals(200, http.get("/api/v1/admin/search?q=x", "Authorization", asOperator).statusCode(),
                "the role counts from the next sign-in, which asks for a code");

        HttpResponse<String> revoked = http.post(roles + "/SUPPORT/revocation", "{\"reason\":\"moved to another team\"}",
                "Authorization", admin.bearer());
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals("[]", Http.json(revoked).getJsonObject("operator").getJsonArray("roles").toString());
        assertEquals(403, http.get("/api/v1/admin/search?q=x", "Authorization", "Bearer " + People.token(mei.email()))
                .statusCode(), "a new sign-in (no code asked any more) has no operator role");

        String trail = audit(admin.id());
        assertTrue(trail.contains("ADMIN_ROLE_GRANTED " + mei.id() + " SUPPORT | reason: " + why + " | none -> SUPPORT"), trail);
        assertTrue(trail.contains("ADMIN_ROLE_REVOKED " + mei.id() + " SUPPORT | reason: moved to another team | SUPPORT -> none, ") && trail.contains(" session(s) ended"),
                trail);
        assertChainIntact();
    }

    /** Gives the person a phone number for SMS codes, the way the security page does; the number. */
    String givePhone(Person person) {
        String phone = "+4479" + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        int before = MailCatcher.codeMails(person.email());
        HttpResponse<String> challenge = http.post("/api/v1/me/step-up", "{\"action\":\"change-second-factor\"}",
                "Authorization", person.bearer());
        assertEquals(201, challenge.statusCode(), challenge.body());
        HttpResponse<String> started = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/me/phone"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"phone\":\"%s\",\"challenge_id\":\"%s\",\"code\":\"%s\"}"
                        .formatted(phone, Http.json(challenge).getString("challenge_id"),
                                MailCatcher.nextCode(person.email(), before)))), "Authorization", person.bearer());
        assertEquals(202, started.statusCode(), started.body());
        HttpResponse<String> confirmed = http.post("/api/v1/me/phone/confirmation", "{\"challenge_id\":\"%s\",\"code\":\"%s\"}"
                .formatted(Http.json(started).getString("challenge_id"), smsCode(phone)), "Authorization", person.bearer());
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        return phone;
    }

    String smsCode(String phone) {
        for (int i = 0; i < 100; i++) {
            String text = http.get("/api/v1/test-identity/sms/" + URLEncoder.encode(phone, StandardCharsets.UTF_8)).body();
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(text);
            if (code.find()) {
                return code.group(1);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no SMS to " + phone);
    }

    String openTicket(Person person, String subject) {
        HttpResponse<String> created = http.post("/api/v1/support/tickets", """
                {"category":"account","subject":"%s","message":"请帮我重置双重验证。"}""".formatted(subject),
                "Authorization", person.bearer());
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getString("id");
    }

    /** An identity verification waiting for compliance: details and a photo of the passport. */
    String submitVerification(Person person, String legalName) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(640, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(20, 60, 120));
        g.fillRect(64, 80, 200, 200);
        g.dispose();
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", jpeg);
        String boundary = "okpay-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("legal_name", legalName);
        fields.put("date_of_birth", "1991-03-14");
        fields.put("nationality", "cn");
        fields.put("address", "8 Harbour Road\nLeith");
        fields.put("document_type", "passport");
        fields.put("document_number", "E" + (10_000_000 + new java.util.Random().nextInt(89_999_999)));
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"front\"; filename=\"front.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jpeg.toByteArray());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> created = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/verifications"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "Authorization", person.bearer());
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getString("id");
    }

    @Test
    @ResourceLock("okpay.it.house.suspense")
    @DisplayName("in a browser: SUPPORT finds a person by e-mail and ends their sessions; FINANCE imports a statement, assigns a suspense line, proposes an adjustment a second FINANCE operator approves; the books balance")
    void browserWalk() throws Exception {
        Person cai = person("zh-CN");
        Person support = operator("SUPPORT");
        Person maker = operator("FINANCE");
        Person checker = operator("FINANCE");
        JsonObject pending = Http.json(http.post("/api/v1/topups", "{\"method\":\"bank_transfer\",\"amount\":\"40.00\",\"currency\":\"EUR\"}",
                "Authorization", cai.bearer(), "Idempotency-Key", UUID.randomUUID().toString()));
        String reference = pending.getJsonObject("bank_transfer").getString("reference");
        String late = Http.json(http.post("/api/v1/topups", "{\"method\":\"bank_transfer\",\"amount\":\"7.00\",\"currency\":\"EUR\"}",
                "Authorization", cai.bearer(), "Idempotency-Key", UUID.randomUUID().toString())).getString("id");
        WebDriver browser = Browsers.chromium();
        try {
            // Cai is signed in in this browser; keep the cookies, sign SUPPORT in.
            browser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, cai.email());
            browser.get(url("/wallet/home.xhtml"));
            waitFor(browser, "menu");
            Set<Cookie> caisCookies = browser.manage().getCookies();
            browser.manage().deleteAllCookies();
            signInOperator(browser, support);
            browser.get(url("/admin/"));
            waitFor(browser, "link-search");
            assertTrue(browser.findElements(By.id("link-adjustments")).isEmpty(), "SUPPORT has no money pages");
            type(browser, "find-q", cai.email());
            click(browser, "find-submit");
            waitFor(browser, "open-" + cai.id());
            click(browser, "open-" + cai.id());
            waitFor(browser, "session-count");
            assertEquals("1", browser.findElement(By.id("session-count")).getText());
            click(browser, "sessions:end");
            waitFor(browser, "sessions:reason-error");
            type(browser, "sessions:reason", "账户被盗的来电 – stolen phone");
            click(browser, "sessions:end");
            waitFor(browser, "session-count");
            assertEquals("0", browser.findElement(By.id("session-count")).getText(), text(browser));
            assertTrue(text(browser).contains("1 session(s) ended"), text(browser));
            browser.get(url("/admin/adjustments.xhtml"));
            assertFalse(browser.getPageSource().contains("propose:submit"), "SUPPORT may not propose adjustments");
            browser.manage().deleteAllCookies();
            browser.get(url("/signin.xhtml"));
            caisCookies.forEach(c -> browser.manage().addCookie(c));
            browser.get(url("/wallet/home.xhtml"));
            waitFor(browser, "signin:email");

            // FINANCE: a statement with a matched and an unmatched line, preview, import, assign from suspense.
            browser.manage().deleteAllCookies();
            signInOperator(browser, maker);
            String run = UUID.randomUUID().toString().substring(0, 8);
            String csv = String.join("\n",
                    "booking_date,amount,currency,reference,counterparty,bank_transaction_id",
                    "2026-11-20,40.00,EUR," + reference + ",Cai,BO-" + run + "-1",
                    "2026-11-20,7.00,EUR,蔡先生的转账,Cai,BO-" + run + "-2");
            browser.get(url("/admin/statements.xhtml?lang=en"));
            waitFor(browser, "statement:statement");
            type(browser, "statement:statement", csv);
            click(browser, "statement:preview");
            waitFor(browser, "preview-BO-" + run + "-1");
            assertTrue(browser.findElement(By.id("preview-BO-" + run + "-1")).getText().contains("Credits its top-up"), text(browser));
            assertTrue(browser.findElement(By.id("preview-BO-" + run + "-2")).getText().contains("Goes to suspense"), text(browser));
            assertEquals("0.00", eur(cai), "a preview books nothing");
            type(browser, "statement:reason", "daily statement 日结");
            click(browser, "statement:import");
            waitFor(browser, "suspense");
            assertTrue(text(browser).contains("2 lines, 1 matched, 1 to suspense"), text(browser));
            assertEquals("40.00", eur(cai));
            var row = browser.findElement(By.id("line-BO-" + run + "-2"));
            row.findElement(By.cssSelector("input[id$=':topup']")).sendKeys(late);
            row.findElement(By.cssSelector("input[id$=':why']")).sendKeys("payer named in the remark");
            Browsers.press(browser, row.findElement(By.cssSelector("input[id$=':assign']")));
            waitFor(browser, "statement:statement");
            assertTrue(text(browser).contains("is assigned to top-up " + late), text(browser));
            assertEquals("47.00", eur(cai));
            String makerTrail = audit(maker.id());
            assertTrue(makerTrail.contains("reason: daily statement 日结") && makerTrail.contains("SUSPENSE_ASSIGNED BO-" + run
                    + "-2 to " + late) && makerTrail.contains("reason: payer named in the remark"), makerTrail);

            // An adjustment: the maker proposes and cannot approve it on the page; the second operator does.
            browser.get(url("/admin/adjustments.xhtml"));
            waitFor(browser, "propose:account");
            type(browser, "propose:account", cai.id());
            type(browser, "propose:amount", "2.50");
            type(browser, "propose:currency", "EUR");
            new Select(browser.findElement(By.id("propose:direction"))).selectByValue("credit");
            type(browser, "propose:ticket", "T-" + run);
            type(browser, "propose:reason", "手续费多收，退还 – fee charged twice");
            click(browser, "propose:submit");
            waitFor(browser, "proposals");
            String proposalText = text(browser);
            assertTrue(proposalText.contains("is proposed"), proposalText);
            String id = proposalText.substring(proposalText.indexOf("Adjustment adj_") + "Adjustment ".length()).split(" ")[0];
            var mine = browser.findElement(By.id("proposal-" + id));
            assertTrue(mine.getText().contains("You proposed this one"), mine.getText());
            mine.findElement(By.cssSelector("input[id$=':why']")).sendKeys("approving my own");
            Browsers.press(browser, mine.findElement(By.cssSelector("input[id$=':approve']")));
            waitFor(browser, "proposals");
            assertTrue(text(browser).contains("You proposed this yourself"), text(browser));
            assertEquals("47.00", eur(cai));

            // A voucher batch above the total: issued with its codes shown once, waiting for the second operator.
            browser.get(url("/admin/vouchers.xhtml"));
            waitFor(browser, "issue:amount");
            type(browser, "issue:amount", "600.00");
            type(browser, "issue:currency", "EUR");
            type(browser, "issue:count", "2");
            type(browser, "issue:reason", "双十二活动 – campaign");
            click(browser, "issue:submit");
            waitFor(browser, "codes");
            assertEquals(2, browser.findElements(By.cssSelector("#codes li")).size(), text(browser));
            String batchText = text(browser);
            assertTrue(batchText.contains("must approve it before they can be used"), batchText);
            String batchId = batchText.substring(batchText.indexOf("Batch vb_") + "Batch ".length()).split(" ")[0];

            browser.manage().deleteAllCookies();
            signInOperator(browser, checker);
            browser.get(url("/admin/vouchers.xhtml"));
            waitFor(browser, "batch-" + batchId);
            var waitingBatch = browser.findElement(By.id("batch-" + batchId));
            waitingBatch.findElement(By.cssSelector("input[id$=':why']")).sendKeys("campaign signed off");
            Browsers.press(browser, waitingBatch.findElement(By.cssSelector("input[id$=':approve']")));
            waitFor(browser, "issue:amount");
            assertTrue(text(browser).contains("Batch " + batchId + " is approved"), text(browser));
            assertTrue(browser.findElements(By.id("batch-" + batchId)).isEmpty());
            var listedBatch = browser.findElement(By.id("all-" + batchId));
            listedBatch.findElement(By.cssSelector("input[id$=':why']")).sendKeys("campaign cancelled");
            Browsers.press(browser, listedBatch.findElement(By.cssSelector("input[id$=':void']")));
            waitFor(browser, "all-" + batchId);
            assertTrue(text(browser).contains("2 unused voucher(s) voided"), text(browser));
            String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            HttpResponse<String> exported = http.get("/admin/vouchers-csv?batch=" + batchId, "Cookie", cookies);
            assertEquals(200, exported.statusCode(), exported.body());
            assertEquals(2, exported.body().split(",voided,").length - 1, exported.body());

            browser.get(url("/admin/adjustments.xhtml"));
            waitFor(browser, "proposal-" + id);
            var theirs = browser.findElement(By.id("proposal-" + id));
            assertTrue(theirs.getText().contains("2.50") && theirs.getText().contains("fee charged twice"), theirs.getText());
            theirs.findElement(By.cssSelector("input[id$=':why']")).sendKeys("ticket checked 已核对");
            Browsers.press(browser, theirs.findElement(By.cssSelector("input[id$=':approve']")));
            waitFor(browser, "decided-" + id);
            assertTrue(text(browser).contains("is approved and booked as txn_"), text(browser));
            assertTrue(browser.findElements(By.id("proposal-" + id)).isEmpty());
            assertEquals("49.50", eur(cai));

            browser.get(url("/admin/reconciliation.xhtml"));
            waitFor(browser, "run:submit");
            type(browser, "run:reason", "after the adjustment");
            click(browser, "run:submit");
            waitFor(browser, "books-state");
            assertTrue(text(browser).contains("Reconciliation done: the ledger is consistent."), text(browser));
            assertTrue(browser.findElement(By.id("books-state")).getText().contains("The books balance"), text(browser));
            assertTrue(browser.findElement(By.id("trial-balance")).getText().contains("EUR"), text(browser));
            browser.get(url("/admin/reconciliation.xhtml?lang=zh-CN"));
            waitFor(browser, "books-state");
            assertTrue(browser.findElement(By.id("books-state")).getText().contains("账目平衡"), text(browser));

            // Safeguarding: the figure entered on the page, the report and its CSV with the page's session.
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            browser.get(url("/admin/safeguarding.xhtml?lang=en&date=" + today));
            waitFor(browser, "figure:amount");
            type(browser, "figure:amount", "1000000.00");
            type(browser, "figure:currency", "SGD");
            click(browser, "figure:submit");
            waitFor(browser, "figure:reason-error");
            type(browser, "figure:reason", "bank balance at close 日终余额");
            click(browser, "figure:submit");
            waitFor(browser, "sg-SGD");
            assertTrue(text(browser).contains("The figure is saved."), text(browser));
            assertTrue(browser.findElement(By.id("sg-SGD")).getText().contains("1,000,000.00"), text(browser));
            String session = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            HttpResponse<String> report = http.get("/admin/safeguarding-csv?date=" + today, "Cookie", session);
            assertEquals(200, report.statusCode(), report.body());
            assertTrue(report.body().contains(today + ",SGD,") && report.body().contains(",1000000.00,"), report.body());

            // ADMIN: the console's pages for the role, the audit log with the chain, the outbox.
            browser.manage().deleteAllCookies();
            Person admin = operator("ADMIN");
            signInOperator(browser, admin);
            browser.get(url("/admin/"));
            waitFor(browser, "link-outbox");
            assertTrue(browser.findElements(By.id("link-adjustments")).isEmpty(), "ADMIN proposes no adjustments");
            browser.get(url("/admin/audit.xhtml?actor=" + checker.id()));
            waitFor(browser, "records");
            assertTrue(browser.findElement(By.id("chain")).getText().contains("The audit chain is intact."), text(browser));
            assertTrue(browser.findElement(By.id("records")).getText().contains("ADJUSTMENT_APPROVED")
                    && text(browser).contains("ticket checked 已核对"), text(browser));
            browser.get(url("/admin/outbox.xhtml?status=dead"));
            waitFor(browser, "tab-dead");
            assertFalse(browser.findElements(By.id("outbox")).isEmpty() && browser.findElements(By.id("outbox-empty")).isEmpty(),
                    text(browser));
        } finally {
            browser.quit();
        }
        assertChainIntact();
    }

    @Test
    @DisplayName("in a browser, both languages, at 390 px: SUPPORT finds a person by phone and sees tier, limits, tickets and identity reviews on their page, and resets the second factors; an ADMIN grants a role")
    void browserPersonPageAndRoles() throws Exception {
        Person lan = person("zh-CN");
        String phone = givePhone(lan);
        String ticket = openTicket(lan, "无法收到验证码");
        String verification = submitVerification(lan, "蓝天");
        Person support = operator("SUPPORT");
        Person admin = operator("ADMIN");
        Person newcomer = person();
        WebDriver browser = Browsers.chromium();
        try {
            ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            signInOperator(browser, support);
            browser.get(url("/admin/?lang=en"));
            waitFor(browser, "find-q");
            type(browser, "find-q", phone.substring(0, 3) + " " + phone.substring(3));
            Browsers.press(browser, browser.findElement(By.id("find-submit")));
            waitFor(browser, "open-" + lan.id());
            click(browser, "open-" + lan.id());
            waitFor(browser, "limits");
            assertEquals("T1", browser.findElement(By.id("tier")).getText());
            assertTrue(browser.findElement(By.id("limit-send-day")).getText().contains("per day"), text(browser));
            assertTrue(browser.findElement(By.id("ticket-" + ticket)).getText().contains("无法收到验证码"), text(browser));
            assertFalse(browser.findElements(By.id("open-ticket-" + ticket)).isEmpty(), "the ticket links to the desk");
            assertTrue(browser.findElement(By.id("kyc-" + verification)).getText().contains("Waiting for review"), text(browser));
            assertTrue(browser.findElements(By.id("review-" + verification)).isEmpty(), "SUPPORT opens no identity review");
            assertFalse(text(browser).contains("蓝天"), "no identity details on the person's page");
            assertFalse(browser.findElement(By.id("devices")).getText().isBlank(), text(browser));
            assertNoSideways(browser);

            Browsers.press(browser, browser.findElement(By.id("factors:reset")));
            waitFor(browser, "factors:check_type-error");
            assertFalse(browser.findElement(By.id("factors:check_detail-error")).getText().isBlank(), text(browser));
            new Select(browser.findElement(By.id("factors:check_type"))).selectByValue("video_call");
            type(browser, "factors:check_detail", "视频通话，面容与护照照片一致");
            type(browser, "factors:reason", "lost phone, ticket " + ticket);
            Browsers.press(browser, browser.findElement(By.id("factors:reset")));
            waitFor(browser, "limits");
            assertTrue(text(browser).contains("the second factors are reset"), text(browser));
            MailCatcher.await(lan.email(), "双重验证已被重置");

            browser.get(url("/admin/person.xhtml?id=" + lan.id() + "&lang=zh-CN"));
            waitFor(browser, "limits");
            assertTrue(text(browser).contains("账户等级与限额使用情况") && text(browser).contains("客服请求"), text(browser));
            assertTrue(browser.findElement(By.id("kyc-" + verification)).getText().contains("等待审核"), text(browser));
            assertNoSideways(browser);

            // ADMIN: grants FINANCE to a newcomer on the operators page.
            browser.manage().deleteAllCookies();
            signInOperator(browser, admin);
            browser.get(url("/admin/?lang=en"));
            waitFor(browser, "link-operators");
            click(browser, "link-operators");
            waitFor(browser, "roles:account");
            type(browser, "roles:account", newcomer.id());
            new Select(browser.findElement(By.id("roles:role"))).selectByValue("FINANCE");
            Browsers.press(browser, browser.findElement(By.id("roles:grant")));
            waitFor(browser, "roles:reason-error");
            type(browser, "roles:reason", "新同事 – joins the funding desk");
            Browsers.press(browser, browser.findElement(By.id("roles:grant")));
            waitFor(browser, "operator-" + newcomer.id());
            assertTrue(text(browser).contains("is granted to " + newcomer.email()), text(browser));
            assertTrue(browser.findElement(By.id("operator-" + newcomer.id())).getText().contains("FINANCE"), text(browser));
            assertNoSideways(browser);
            browser.get(url("/admin/operators.xhtml?lang=zh-CN"));
            waitFor(browser, "operator-" + newcomer.id());
            assertTrue(text(browser).contains("运营人员与角色"), text(browser));
        } finally {
            browser.quit();
        }
        assertTrue(audit(admin.id()).contains("ADMIN_ROLE_GRANTED " + newcomer.id() + " FINANCE | reason: 新同事 – joins the funding desk"),
                audit(admin.id()));
        assertTrue(audit(support.id()).contains("ADMIN_SECOND_FACTORS_RESET " + lan.id() + " after identity check video_call: "
                + "视频通话，面容与护照照片一致 | reason: lost phone, ticket " + ticket), audit(support.id()));
        assertChainIntact();
    }

    /** Nothing on the page is wider than the window (390 px): no sideways scrolling. */
    static void assertNoSideways(WebDriver browser) {
        Number width = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(width.intValue() <= 0, "the page scrolls sideways by " + width + " px: " + browser.getCurrentUrl());
    }

    void signInOperator(WebDriver browser, Person operator) {
        browser.get(url("/signin.xhtml?lang=en"));
        Browsers.signIn(browser, operator.email());
    }

    void assertChainIntact() {
        Person auditor = operator("ADMIN");
        JsonObject chain = Http.json(http.get("/api/v1/admin/audit?limit=1", "Authorization", auditor.bearer()))
                .getJsonObject("chain");
        assertTrue(chain.getBoolean("intact"), chain.toString());
    }

    String eur(Person person) {
        JsonArray balances = Http.parse(http.get("/api/v1/balances", "Authorization", person.bearer()).body()).asJsonArray();
        for (int i = 0; i < balances.size(); i++) {
            JsonObject balance = balances.getJsonObject(i);
            if ("EUR".equals(balance.getString("currency"))) {
                return balance.getString("balance");
            }
        }
        return "0.00";
    }

    String audit(String actor) {
        HttpResponse<String> read = http.get("/api/v1/test-audit?actor=" + actor);
        assertEquals(200, read.statusCode(), read.body());
        return read.body();
    }

    HttpResponse<String> call(Endpoint endpoint, String bearer) {
        String[] headers = bearer == null ? new String[0] : new String[]{"Authorization", bearer};
        return "GET".equals(endpoint.method()) ? http.get(endpoint.path(), headers)
                : http.post(endpoint.path(), endpoint.body(), headers);
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
