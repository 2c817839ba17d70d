package io.okpay.shared;

import io.okpay.fx.FxTestSupport;
import io.okpay.it.Http;
import io.okpay.it.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton, black box: pages in two languages, health, metrics, OpenAPI, problem+json errors, and the
 * database accounts it runs on.
 */
class PlatformIT {

    final URL base = TestServer.base();

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    @Test
    @DisplayName("the landing page speaks English by default and Chinese for Accept-Language zh-CN or ?lang=zh-CN")
    void landingPageInBothLanguages() {
        HttpResponse<String> english = http.get("/", "Accept-Language", "en-US,en;q=0.9");
        assertEquals(200, english.statusCode());
        assertTrue(english.body().contains("One wallet for every currency you use"), english.body());
        assertTrue(english.body().contains("lang=\"en\""));

        HttpResponse<String> chinese = http.get("/", "Accept-Language", "zh-CN,zh;q=0.9");
        assertTrue(chinese.body().contains("一个钱包，管好您的每一种货币"), chinese.body());
        assertTrue(chinese.body().contains("lang=\"zh-CN\""));

        HttpResponse<String> switched = http.get("/?lang=zh-CN", "Accept-Language", "en");
        assertTrue(switched.body().contains("免费注册"));
        String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("okpay_lang=zh-CN"), cookie);

        HttpResponse<String> remembered = http.get("/", "Accept-Language", "en", "Cookie", "okpay_lang=zh-CN");
        assertTrue(remembered.body().contains("免费注册"));
    }

    @Test
    @DisplayName("the configured operator is named on every footer, and on the terms and privacy pages in both languages")
    void operatorFromConfiguration() {
        // arquillian.xml configures okpay.operator.* with these values instead of the samples.
        HttpResponse<String> landing = http.get("/", "Accept-Language", "en");
        assertTrue(landing.body().contains("OKPay is run by Teapot-Payments-Ltd, 12-Harbour-Road-Leith. Licence: EMI-licence-900123."
                + " Support: help@teapot-payments.example"), landing.body());
        assertFalse(landing.body().contains("sample operator"), "the sample operator is replaced");
        assertTrue(landing.body().contains("/legal/terms.xhtml") && landing.body().contains("/legal/privacy.xhtml"));
        assertTrue(http.get("/help.xhtml", "Accept-Language", "zh-CN").body()
                .contains("OKPay 由 Teapot-Payments-Ltd（12-Harbour-Road-Leith）运营。牌照：EMI-licence-900123。客服邮箱：help@teapot-payments.example"));

        for (String page : new String[] {"/legal/terms.xhtml", "/legal/privacy.xhtml"}) {
            HttpResponse<String> english = http.get(page, "Accept-Language", "en");
            assertEquals(200, english.statusCode(), page);
            assertTrue(english.body().contains("<dd id=\"operator-name\">Teapot-Payments-Ltd</dd>"), english.body());
            assertTrue(english.body().contains("<dd id=\"operator-address\">12-Harbour-Road-Leith</dd>"), english.body());
            assertTrue(english.body().contains("<dd id=\"operator-licence\">EMI-licence-900123</dd>"), english.body());
            assertTrue(english.body().contains("href=\"mailto:help@teapot-payments.example\""), english.body());
            assertTrue(english.body().contains("Sample text."), english.body());

            HttpResponse<String> chinese = http.get(page, "Accept-Language", "zh-CN");
            assertEquals(200, chinese.statusCode(), page);
            assertTrue(chinese.body().contains("示例文本。"), chinese.body());
            assertTrue(chinese.body().contains("Teapot-Payments-Ltd（地址：12-Harbour-Road-Leith"), chinese.body());
            assertTrue(chinese.body().contains("本服务的运营方"), chinese.body());
        }
        assertTrue(http.get("/legal/terms.xhtml", "Accept-Language", "en").body().contains("Terms of service"));
        assertTrue(http.get("/legal/privacy.xhtml", "Accept-Language", "zh-CN").body().contains("隐私政策"));
    }

    @Test
    @DisplayName("pages carry the security headers and a request id")
    void securityHeaders() {
        HttpResponse<String> page = http.get("/");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'none'"));
        assertFalse(csp.contains("unsafe-inline"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(page.headers().firstValue("X-Request-Id").orElseThrow().startsWith("req_"));
        assertEquals(200, http.get("/jakarta.faces.resource/css/okpay.css.xhtml").statusCode());
    }

    @Test
    @DisplayName("an unknown page answers a friendly 404 page in the person's language")
    void unknownPage() {
        HttpResponse<String> missing = http.get("/no-such-page.xhtml", "Accept-Language", "zh-CN");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("页面不存在"), missing.body());
        HttpResponse<String> asked = http.get("/no-such-page.xhtml?lang=zh-CN", "Accept-Language", "en");
        assertEquals(404, asked.statusCode());
        assertTrue(asked.body().contains("页面不存在"), "?lang= chooses the error page's language too: " + asked.body());
    }

    @Test
    @DisplayName("health, metrics and OpenAPI answer")
    void operations() {
        HttpResponse<String> ready = http.get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"UP\""), ready.body());
        assertTrue(ready.body().contains("database"), ready.body());
        assertEquals(200, http.get("/health/live").statusCode());
        assertEquals(200, http.get("/metrics").statusCode());
        HttpResponse<String> openapi = http.get("/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("OKPay API"), openapi.body());
        assertTrue(openapi.body().contains("url: /api/v1") && openapi.body().contains("  /currencies:"), openapi.body());
    }

    @Test
    @DisplayName("the currency registry lists the enabled currencies with their decimals")
    void currencies() {
        HttpResponse<String> response = http.get("/api/v1/currencies");
        assertEquals(200, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("{\"code\":\"JPY\",\"decimals\":0,\"name\":\"Yen\"}") || body.contains("\"JPY\""), body);
        assertTrue(body.contains("\"USD\""));
        assertFalse(body.contains("\"KWD\""), "KWD is known but not enabled");
    }

    @Test
    @ResourceLock(FxTestSupport.RATE_SOURCE)
    @DisplayName("exchange rates: an unknown base is a field error; an unreachable rate source is a 503, not a 500")
    void exchangeRates() {
        HttpResponse<String> unknown = http.get("/api/v1/fx/rates?base=XAU");
        assertEquals(400, unknown.statusCode(), unknown.body());
        JsonObject problem = Http.json(unknown);
        assertEquals("base", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("currency_unsupported", problem.getJsonArray("errors").getJsonObject(0).getString("code"));

        // The test server's rate source (io.okpay.fx.TestDayRates) serves rates too old to use, then cannot be reached.
        try {
            assertEquals(200, http.post("/api/v1/test-fx/rate-source/TEN_DAYS_OLD", "").statusCode());
            HttpResponse<String> stale = http.get("/api/v1/fx/rates?base=EUR");
            assertEquals(503, stale.statusCode(), stale.body());
            assertEquals("fx_rates_unavailable", Http.json(stale).getString("code"));
            assertEquals(200, http.post("/api/v1/test-fx/rate-source/UNREACHABLE", "").statusCode());
            HttpResponse<String> down = http.get("/api/v1/fx/rates?base=EUR");
            assertEquals(503, down.statusCode(), down.body());
            assertEquals("fx_rates_unavailable", Http.json(down).getString("code"));
        } finally {
            assertEquals(200, http.post("/api/v1/test-fx/rate-source/TODAY", "").statusCode());
        }
        assertEquals(200, http.get("/api/v1/fx/rates?base=EUR").statusCode(), "rates again once the source has them");
    }

    @Test
    @DisplayName("an unknown API path is a problem+json 404 with a request id")
    void unknownApiPath() {
        HttpResponse<String> response = http.get("/api/v1/no-such-thing", "X-Request-Id", "trace-12345678");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json;charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow(),
                "problem+json, UTF-8 like every response");
        JsonObject problem = Http.json(response);
        assertEquals("not_found", problem.getString("code"));
        assertEquals(404, problem.getInt("status"));
        assertEquals("trace-12345678", problem.getString("request_id"));
        assertEquals("urn:okpay:problem:not_found", problem.getString("type"));
    }

    @Test
    @DisplayName("every client error under /api is problem+json in the caller's language: the container's own too")
    void everyApiErrorIsAProblem() {
        record Case(String method, String path, String contentType, String body, String accept, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case("GET", "/api/v2/nothing", null, null, null, 404, "not_found"),
                new Case("GET", "/api", null, null, null, 404, "not_found"),
                new Case("GET", "/api/v1", null, null, null, 404, "not_found"),
                new Case("GET", "/api;x/v1/currencies", null, null, null, 404, "not_found"),
                new Case("DELETE", "/api/v1/currencies", null, null, null, 405, "method_not_allowed"),
                new Case("POST", "/api/v1/test-echo", "text/plain", "hello", null, 415, "unsupported_media_type"),
                new Case("POST", "/api/v1/test-echo", "application/json", "{\"text\":", null, 400, "malformed_json"),
                new Case("GET", "/api/v1/currencies", null, null, "text/html", 406, "not_acceptable"),
                new Case("GET", "/api/v1/test-echo/times/many", null, null, null, 400, "invalid_request"),
                new Case("GET", "/api/v1/test-echo/times/2?extra=x", null, null, null, 400, "invalid_request"),
                new Case("GET", "/api/v1/me", null, null, null, 401, "unauthorized"),
                new Case("POST", "/api/v1/test-echo", "application/json", greeting((1 << 20) + 1), null, 413,
                        "request_too_large"));
        for (Case c : cases) {
            HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(c.path()))
                    .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(c.body()))
                    .header("Accept-Language", "zh-CN");
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
            if (c.accept() != null) {
                request.header("Accept", c.accept());
            }
            HttpResponse<String> response = http.send(request, "X-Request-Id", "trace-hostile-1");
            String what = c.method() + " " + c.path() + ": " + response.statusCode() + " " + response.headers().map() + " "
                    + response.body();
            assertEquals(c.status(), response.statusCode(), what);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), what);
            JsonObject problem = Http.json(response);
            assertEquals(c.code(), problem.getString("code"), what);
            assertEquals(c.status(), problem.getInt("status"), what);
            assertEquals("trace-hostile-1", problem.getString("request_id"), what);
            assertTrue(problem.getString("detail").chars().anyMatch(ch -> Character.UnicodeScript.of(ch)
                    == Character.UnicodeScript.HAN), "in Chinese: " + what);
        }
        // A body sent without Content-Length (chunked) is counted as it is read; just under the limit is fine.
        byte[] streamed = greeting((1 << 20) + 1).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(http.uri("/api/v1/test-echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(streamed))));
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("request_too_large", Http.json(chunked).getString("code"));
        assertEquals(200, http.post("/api/v1/test-echo", greeting(1 << 20)).statusCode(), "exactly 1 MB is read");

        HttpResponse<String> badParameter = http.get("/api/v1/test-echo/times/2?extra=x");
        assertEquals("extra", Http.json(badParameter).getJsonArray("errors").getJsonObject(0).getString("field"));

        // Pages keep their pages: an unknown one is the friendly 404 page, not a problem document.
        HttpResponse<String> page = http.get("/no-such-dir/page", "Accept-Language", "en");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("Page not found"), page.body());
    }

    /** A valid greeting for the echo resource, exactly {@code bytes} long. */
    static String greeting(int bytes) {
        String frame = "{\"text\":\"\",\"count\":1}";
        return frame.replace("\"text\":\"\"", "\"text\":\"" + "x".repeat(bytes - frame.length()) + "\"");
    }

    @Test
    @DisplayName("the session cookie is Secure and HttpOnly: outside the run command OKPay is served over TLS")
    void secureSessionCookie() {
        HttpResponse<String> signIn = http.get("/signin.xhtml");
        assertEquals(200, signIn.statusCode());
        String session = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + signIn.headers().map()));
        assertTrue(session.contains("Secure"), session);
        assertTrue(session.contains("HttpOnly"), session);
    }

    @Test
    @DisplayName("a malformed JSON body is a problem+json 400, localized")
    void malformedJson() {
        HttpResponse<String> response = http.post("/api/v1/test-echo", "{\"text\": \"hi\", ", "Accept-Language", "zh-CN");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json;charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow(),
                "problem+json, UTF-8 like every response");
        JsonObject problem = Http.json(response);
        assertEquals("malformed_json", problem.getString("code"));
        assertEquals("请求正文不是有效的 JSON。", problem.getString("detail"));
    }

    @Test
    @DisplayName("business failures keep their code; unexpected ones are a 500 without internals")
    void failures() {
        assertEquals(200, http.post("/api/v1/test-echo", "{\"text\":\"hi\",\"count\":1}").statusCode());

        HttpResponse<String> refused = http.post("/api/v1/test-echo", "{\"text\":\"hi\",\"count\":-1}");
        assertEquals(422, refused.statusCode());
        assertEquals("invalid_value", Http.json(refused).getString("code"));

        HttpResponse<String> broken = http.post("/api/v1/test-echo", "{\"text\":\"hi\",\"count\":13}");
        assertEquals(500, broken.statusCode());
        assertEquals("internal_error", Http.json(broken).getString("code"));
        assertFalse(broken.body().contains("secret internal detail"));
        assertFalse(broken.body().contains("IllegalStateException"));

        HttpResponse<String> wrongType = http.post("/api/v1/test-echo", "{\"text\":\"hi\",\"count\":\"many\"}");
        assertEquals(400, wrongType.statusCode(), wrongType.body());
    }

    @Test
    @DisplayName("the server runs on an account that only reads and writes rows: it cannot drop the audit log's triggers,"
            + " change the schema or rewrite audit records; the schema's owner migrated it")
    void runtimeAccountCannotUndoTheAuditLog() throws Exception {
        // A failed sign-in of nobody writes one audit record at least, so the append-only triggers have a row to refuse.
        assertEquals(401, http.post("/api/v1/auth/token", "{\"grant_type\":\"password\",\"email\":\"nobody-"
                + System.nanoTime() + "@example.com\",\"password\":\"not a password 1\"}").statusCode());
        String url = System.getProperty("okpay.it.db.url");
        String owner = System.getProperty("okpay.it.db.migration.user");
        try (Connection runtime = DriverManager.getConnection(url, System.getProperty("okpay.it.db.user"),
                System.getProperty("okpay.it.db.password"));
             Statement s = runtime.createStatement()) {
            assertTrue(count(s, "SELECT COUNT(*) FROM audit_record") > 0, "the server writes the audit log");
            for (String ddl : List.of(
                    "DROP TRIGGER audit_record_no_delete",
                    "DROP TRIGGER audit_record_no_update",
                    "CREATE TRIGGER audit_record_quiet BEFORE INSERT ON audit_record FOR EACH ROW SET NEW.detail = '-'",
                    "ALTER TABLE audit_record ADD COLUMN forged INT",
                    "TRUNCATE TABLE audit_record",
                    "DROP TABLE audit_record",
                    "CREATE TABLE audit_copy (id INT)")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(ddl), ddl);
                assertTrue(refused.getMessage().contains("denied"), ddl + ": " + refused.getMessage());
            }
            for (String rewrite : List.of("DELETE FROM audit_record", "UPDATE audit_record SET detail = 'rewritten'")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(rewrite), rewrite);
                assertTrue(refused.getMessage().contains("append-only"), rewrite + ": " + refused.getMessage());
            }
            assertEquals(0, count(s, "SELECT COUNT(*) FROM flyway_schema_history WHERE installed_by <> '" + owner + "'"),
                    "every migration ran as the owner");
        }
        try (Connection schemaOwner = DriverManager.getConnection(url, owner,
                System.getProperty("okpay.it.db.migration.password"));
             Statement s = schemaOwner.createStatement()) {
            assertEquals(2, count(s, "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"
                    + " AND EVENT_OBJECT_TABLE = 'audit_record'"), "both triggers are still there");
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
