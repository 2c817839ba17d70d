package io.okpay.privacy;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import io.okpay.it.People;
import io.okpay.it.People.Person;
import io.okpay.it.Race;
import io.okpay.it.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.fund;
import static io.okpay.it.People.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The person's own data, black box: "download my data" (JSON and the ZIP of CSV files) holds exactly their own items,
 * their remembered devices among them (never a device's token),
 * and "close my account" is refused with money left or without the code, works with zero balances and the code, ends
 * every way in (password, access and refresh tokens, the shop's keys), and the retention job anonymises the account
 * once the period is over (run with a clock argument through the test-only resource).
 */
// Its tests share nothing but the server: they run side by side too.
@Execution(ExecutionMode.CONCURRENT)
class PrivacyIT {

    private static final Pattern UTC_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    final URL base = TestServer.base();

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    // ---- download my data -------------------------------------------------------------------------------------------

    @Test
    @DisplayName("the export holds the person's own profile, balances, history and sign-ins: a transfer to them yes, "
            + "strangers' no; Chinese and accented text survives in JSON and CSV")
    void exportHoldsOwnDataOnly() throws Exception {
        Person ann = person("en");
        Person bob = person("zh-CN");
        Person carol = person("en");
        Person stranger = person("en");
        Person other = person("en");
        fund(bob, "USD", "50.00");
        fund(ann, "EUR", "20.00");
        fund(stranger, "USD", "30.00");
        String fromBob = "周五的午饭钱，谢谢！ Zoë Ångström ☕ " + UUID.randomUUID();
        String toCarol = "Café für Jürgen, 李雷 " + UUID.randomUUID();
        String strangers = "not ann's business " + UUID.randomUUID();
        String bobTransaction = send(bob, ann, "12.50", "USD", fromBob).getString("transaction_id");
        String carolTransaction = send(ann, carol, "5.25", "EUR", toCarol).getString("transaction_id");
        String strangerTransaction = send(stranger, other, "3.00", "USD", strangers).getString("transaction_id");

        HttpResponse<String> answer = http.get("/api/v1/me/export", "Authorization", ann.bearer());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
        JsonObject export = Http.json(answer);
        assertTrue(UTC_TIME.matcher(export.getString("generated_at")).matches(), export.getString("generated_at"));

        JsonObject profile = export.getJsonObject("profile");
        assertEquals(ann.id(), profile.getString("id"));
        assertEquals(ann.email(), profile.getString("email"));
        assertEquals(ann.username(), profile.getString("username"));
        assertTrue(profile.getBoolean("email_verified"));
        assertTrue(UTC_TIME.matcher(profile.getString("created_at")).matches(), profile.toString());
        assertFalse(answer.body().contains("password"), "no password hash, not even the word: " + answer.body());

        Map<String, String> balances = new LinkedHashMap<>();
        export.getJsonArray("balances").getValuesAs(JsonObject.class)
                .forEach(b -> balances.put(b.getString("currency"), b.getString("balance") + "/" + b.getString("available")));
        assertEquals(Map.of("EUR", "14.75/14.75", "USD", "12.50/12.50"), balances);

        JsonArray history = export.getJsonArray("history");
        assertEquals(3, history.size(), "the top-up, bob's transfer and the one to carol: " + history);
        JsonObject incoming = line(history, bobTransaction);
        assertEquals("12.50", incoming.getString("amount"));
        assertEquals("USD", incoming.getString("currency"));
        assertEquals("12.50", incoming.getString("balance_after"));
        assertEquals(bob.username(), incoming.getString("counterparty"));
        assertEquals(fromBob, incoming.getString("note"));
        assertTrue(UTC_TIME.matcher(incoming.getString("created_at")).matches(), incoming.toString());
        JsonObject outgoing = line(history, carolTransaction);
        assertEquals("-5.25", outgoing.getString("amount"));
        assertEquals(toCarol, outgoing.getString("note"));
        assertFalse(answer.body().contains(strangerTransaction) || answer.body().contains(strangers)
                || answer.body().contains(stranger.username()) || answer.body().contains(other.username()),
                "strangers' transfer is not in ann's export");
        assertFalse(answer.body().contains(bob.email()), "bob's address is his, not ann's data");

        JsonArray signIns = export.getJsonArray("sign_ins");
        assertTrue(signIns.size() >= 1, signIns.toString());
        JsonObject signIn = signIns.getJsonObject(0);
        assertEquals("SUCCEEDED", signIn.getString("status"));
        assertTrue(UTC_TIME.matcher(signIn.getString("at")).matches(), signIn.toString());

        // Bob's export has the same transfer from his side, and nothing of ann's transfer to carol.
        String bobs = http.get("/api/v1/me/export", "Authorization", bob.bearer()).body();
        assertTrue(bobs.contains(bobTransaction) && bobs.contains(fromBob), bobs);
        assertFalse(bobs.contains(carolTransaction) || bobs.contains(toCarol), bobs);

        // The CSV form: a ZIP of one file per section, by ?format=csv and by Accept.
        Map<String, String> files = zip(ann, "?format=csv", "application/json");
        assertEquals(List.of("profile.csv", "balances.csv", "history.csv", "sign_ins.csv", "remembered_devices.csv"),
                List.copyOf(files.keySet()));
        assertEquals(files.keySet(), zip(ann, "", "text/csv").keySet());
        for (String text : files.values()) {
            assertTrue(text.startsWith("\uFEFF"), "each file starts with a byte order mark, for spreadsheets");
        }
        List<CSVRecord> rows = csv(files.get("history.csv"));
        assertEquals(List.of("created_at", "transaction_id", "type", "amount", "currency", "fee", "balance_after",
                "counterparty", "note", "order", "reference"), rows.get(0).toList());
        assertEquals(4, rows.size(), "a header and three movements: " + rows);
        CSVRecord csvIncoming = rows.stream().filter(r -> r.get(1).equals(bobTransaction)).findFirst().orElseThrow();
        assertEquals(fromBob, csvIncoming.get(8));
        assertEquals("12.50", csvIncoming.get(3));
        assertEquals(bob.username(), csvIncoming.get(7));
        assertTrue(UTC_TIME.matcher(csvIncoming.get(0)).matches(), csvIncoming.toString());
        assertTrue(rows.stream().anyMatch(r -> r.get(8).equals(toCarol) && r.get(3).equals("-5.25")), rows.toString());
        assertFalse(String.join("", files.values()).contains(strangers));
        Map<String, String> profileRows = new LinkedHashMap<>();
        csv(files.get("profile.csv")).forEach(r -> profileRows.put(r.get(0), r.get(1)));
        assertEquals(ann.email(), profileRows.get("email"));
        assertEquals(ann.id(), profileRows.get("id"));
        assertTrue(files.get("balances.csv").contains("USD,12.50,12.50"), files.get("balances.csv"));
        assertTrue(csv(files.get("sign_ins.csv")).size() >= 2, files.get("sign_ins.csv"));

        assertEquals(401, http.get("/api/v1/me/export").statusCode(), "no token, no data");
        HttpResponse<String> badFormat = http.get("/api/v1/me/export?format=xml", "Authorization", ann.bearer());
        assertEquals(400, badFormat.statusCode(), badFormat.body());
    }

    @Test
    @DisplayName("the export lists the devices the person's sign-in codes remembered: when, until when, address and "
            + "browser, forgotten ones with the time; never the device's token or its hash")
    void exportListsRememberedDevices() throws Exception {
        Person fay = person("zh-CN");
        People.askCodesOnNewDevice(fay);
        String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        String deviceToken = People.signIn(fay.email(), null, "User-Agent", firefox).getString("device_token");

        HttpResponse<String> answer = http.get("/api/v1/me/export", "Authorization", fay.bearer());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject export = Http.json(answer);
        JsonArray devices = export.getJsonArray("remembered_devices");
        assertEquals(1, devices.size(), devices.toString());
        JsonObject device = devices.getJsonObject(0);
        assertEquals(firefox, device.getString("user_agent"));
        assertTrue(device.getString("device").contains("Firefox"), device.toString());
        JsonObject signIn = export.getJsonArray("sign_ins").getValuesAs(JsonObject.class).stream()
                .filter(s -> firefox.equals(s.getString("user_agent"))).findFirst().orElseThrow();
        assertEquals(signIn.getString("ip"), device.getString("ip"), "the address it was remembered from");
        Instant remembered = Instant.parse(device.getString("remembered_at"));
        assertFalse(remembered.isBefore(Instant.parse(signIn.getString("at"))), device + " after " + signIn);
        assertTrue(Instant.parse(device.getString("expires_at")).isAfter(remembered), device.toString());
        assertTrue(device.isNull("forgotten_at"), "still remembered: " + device);
        String token = deviceToken.substring(0, deviceToken.indexOf('.'));
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)));
        assertFalse(answer.body().contains(token) || answer.body().contains(hash), "no token, no hash: " + answer.body());

        // Forgotten, it stays in the record with the time; the CSV file says the same.
        assertEquals(200, http.send(HttpRequest.newBuilder(http.uri("/api/v1/me/remembered-devices")).DELETE(),
                "Authorization", fay.bearer()).statusCode());
        JsonObject forgotten = Http.json(http.get("/api/v1/me/export", "Authorization", fay.bearer()))
                .getJsonArray("remembered_devices").getJsonObject(0);
        assertTrue(UTC_TIME.matcher(forgotten.getString("forgotten_at")).matches(), forgotten.toString());
        Map<String, String> files = zip(fay, "?format=csv", "application/zip");
        List<CSVRecord> rows = csv(files.get("remembered_devices.csv"));
        assertEquals(List.of("remembered_at", "expires_at", "forgotten_at", "ip", "user_agent", "device"),
                rows.get(0).toList());
        assertEquals(List.of(forgotten.getString("remembered_at"), forgotten.getString("expires_at"),
                forgotten.getString("forgotten_at"), forgotten.getString("ip"), firefox, forgotten.getString("device")),
                rows.get(1).toList());
        assertFalse(String.join("", files.values()).contains(token) || String.join("", files.values()).contains(hash));
    }

    // ---- close my account -------------------------------------------------------------------------------------------

    @Test
    @DisplayName("closing is refused while money is left, saying how much (in the caller's language), and sends no code")
    void closureRefusedWithBalance() {
        Person dora = person("zh-CN");
        fund(dora, "USD", "12.50");
        fund(dora, "JPY", "300");
        int codes = MailCatcher.codeMails(dora.email());

        HttpResponse<String> refused = http.post("/api/v1/me/closure", "{}", "Authorization", dora.bearer());
        assertEquals(422, refused.statusCode(), refused.body());
        JsonObject problem = Http.json(refused);
        assertEquals("closure_balance_not_zero", problem.getString("code"));
        assertTrue(problem.getString("detail").contains("12.50 USD") && problem.getString("detail").contains("300 JPY"),
                problem.getString("detail"));
        assertEquals("12.50|USD,300|JPY", problem.getJsonArray("balances").getValuesAs(JsonObject.class).stream()
                .map(b -> b.getString("amount") + "|" + b.getString("currency")).sorted().reduce((a, b) -> a + "," + b)
                .orElse(""));

        HttpResponse<String> chinese = http.post("/api/v1/me/closure", "{}", "Authorization", dora.bearer(),
                "Accept-Language", "zh-CN");
        assertTrue(Http.json(chinese).getString("detail").contains("请先提现"), chinese.body());
        assertEquals(codes, MailCatcher.codeMails(dora.email()), "no code was sent");
        assertEquals(200, http.get("/api/v1/me", "Authorization", dora.bearer()).statusCode(), "still open");
    }

    @Test
    @DisplayName("with zero balances a code closes the account: wrong code refused; then no sign-in, tokens 401, "
            + "refresh refused, the shop's keys revoked, an e-mail in the person's language")
    void closureWithCode() {
        Person eve = person("zh-CN");
        Person friend = person("en");
        fund(eve, "EUR", "5.00");
        send(eve, friend, "5.00", "EUR", "alles für dich");
        String refresh = People.signIn(eve.email(), null).getString("refresh_token");
        HttpResponse<String> shop = http.post("/api/v1/merchants", """
                {"business_name":"伊芙的茶馆 Café","website":"https://shop.example","support_email":"help@shop.example",\
                "settlement_currency":"eur"}""", "Authorization", eve.bearer());
        assertEquals(201, shop.statusCode(), shop.body());
        JsonObject key = Http.json(http.post("/api/v1/merchants/me/keys", "", "Authorization", eve.bearer()));
        String merchantToken = "Bearer " + Http.json(clientToken(key)).getString("access_token");
        assertEquals(200, http.get("/api/v1/merchant", "Authorization", merchantToken).statusCode());

        int codes = MailCatcher.codeMails(eve.email());
        HttpResponse<String> asked = http.post("/api/v1/me/closure", "{}", "Authorization", eve.bearer());
        assertEquals(403, asked.statusCode(), asked.body());
        assertEquals("step_up_required", Http.json(asked).getString("code"));
        String challengeId = Http.json(asked).getString("challenge_id");
        String code = MailCatcher.nextCode(eve.email(), codes);

        String wrong = code.equals("000000") ? "111111" : "000000";
        HttpResponse<String> wrongCode = http.post("/api/v1/me/closure", approval(challengeId, wrong), "Authorization",
                eve.bearer());
        assertEquals("code_invalid", Http.json(wrongCode).getString("code"), wrongCode.body());
        assertEquals(200, http.get("/api/v1/me", "Authorization", eve.bearer()).statusCode(), "a wrong code closes nothing");

        HttpResponse<String> closed = http.post("/api/v1/me/closure", approval(challengeId, code), "Authorization",
                eve.bearer());
        assertEquals(200, closed.statusCode(), closed.body());
        assertEquals("closed", Http.json(closed).getString("status"));
        Instant closedAt = Instant.parse(Http.json(closed).getString("closed_at"));
        Instant keptUntil = Instant.parse(Http.json(closed).getString("data_kept_until"));
        assertEquals(Duration.ofDays(Long.parseLong(http.get("/api/v1/test-privacy/retention-days").body())),
                Duration.between(closedAt, keptUntil));

        HttpResponse<String> me = http.get("/api/v1/me", "Authorization", eve.bearer());
        assertEquals(401, me.statusCode(), "the access token issued before the closure is refused: " + me.body());
        assertEquals(401, http.get("/api/v1/me/export", "Authorization", eve.bearer()).statusCode());
        assertEquals(401, http.get("/api/v1/merchant", "Authorization", merchantToken).statusCode(),
                "the shop's token too");
        HttpResponse<String> signIn = http.post("/api/v1/auth/token", """
                {"grant_type":"password","email":"%s","password":"%s"}""".formatted(eve.email(), PASSWORD));
        assertEquals(401, signIn.statusCode(), signIn.body());
        assertEquals("sign_in_failed", Http.json(signIn).getString("code"), "the same answer as a wrong password");
        HttpResponse<String> refreshed = http.post("/api/v1/auth/token", """
                {"grant_type":"refresh_token","refresh_token":"%s"}""".formatted(refresh));
        assertEquals("refresh_token_invalid", Http.json(refreshed).getString("code"), refreshed.body());
        HttpResponse<String> keyExchange = clientToken(key);
        assertEquals(401, keyExchange.statusCode(), keyExchange.body());
        assertEquals("invalid_client", Http.json(keyExchange).getString("code"));

        MailCatcher.Received mail = MailCatcher.await(eve.email(), "账户已注销");
        assertTrue(mail.text().contains(eve.username()) && mail.text().contains("天"), mail.text());
        assertEquals("EUR:CLOSED", http.get("/api/v1/test-privacy/wallets/" + eve.id()).body(),
                "the ledger closed the wallet, which keeps only the person's id");
        HttpResponse<String> toClosed = http.post("/api/v1/transfers", """
                {"to":"%s","amount":"1.00","currency":"EUR"}""".formatted(eve.username()), "Authorization",
                friend.bearer(), "Idempotency-Key", UUID.randomUUID().toString());
        assertNotEquals(201, toClosed.statusCode(), "nobody can pay a closed account by its username: " + toClosed.body());
    }

    @Test
    @DisplayName("the retention job keeps a closed account's data for the period, then anonymises it once (two "
            + "instances at once), freeing its address and username")
    void retentionAnonymisesAfterThePeriod() throws Exception {
        Person finn = person("en");
        int codes = MailCatcher.codeMails(finn.email());
        String challengeId = Http.json(http.post("/api/v1/me/closure", "{}", "Authorization", finn.bearer()))
                .getString("challenge_id");
        HttpResponse<String> closed = http.post("/api/v1/me/closure",
                approval(challengeId, MailCatcher.nextCode(finn.email(), codes)), "Authorization", finn.bearer());
        assertEquals(200, closed.statusCode(), closed.body());
        Instant keptUntil = Instant.parse(Http.json(closed).getString("data_kept_until"));

        HttpResponse<String> early = http.post("/api/v1/test-privacy/retention?at=" + keptUntil.minus(Duration.ofDays(1)), "");
        assertEquals(200, early.statusCode(), early.body());
        assertEquals(finn.email() + "|" + finn.username() + "|true|false",
                http.get("/api/v1/test-privacy/user/" + finn.id()).body(), "kept during the retention period");

        String later = keptUntil.plus(Duration.ofMinutes(1)).toString();
        List<HttpResponse<String>> runs = Race.run(2, i -> new Http(base).post("/api/v1/test-privacy/retention?at=" + later, ""));
        runs.forEach(run -> assertEquals(200, run.statusCode(), run.body()));
        String[] row = http.get("/api/v1/test-privacy/user/" + finn.id()).body().split("\\|");
        assertEquals("closed+" + finn.id() + "@anonymised.invalid", row[0]);
        assertTrue(row[1].startsWith("closed_") && !row[1].equals(finn.username()), row[1]);
        assertEquals("true", row[3]);
        assertEquals("1", http.get("/api/v1/test-privacy/audit/" + finn.id() + "/ACCOUNT_ANONYMISED").body(),
                "anonymised once, whichever instance claimed it");
        assertEquals("1", http.get("/api/v1/test-privacy/audit/" + finn.id() + "/ACCOUNT_CLOSED").body());

        // The address and the username are free again: someone new can sign up with them.
        People.register(finn.email(), finn.username(), "en");
        String link = MailCatcher.link(secondMail(finn.email(), "Confirm your e-mail address"), "/identity/verify.xhtml");
        HttpResponse<String> verified = http.post("/api/v1/users/verification",
                "{\"token\":\"" + link.substring(link.indexOf("token=") + 6) + "\"}");
        assertEquals(204, verified.statusCode(), "a new account has the freed address: " + verified.body());
        People.signIn(finn.email(), null);
    }

    @Test
    @DisplayName("the security page downloads both formats for the signed-in person only, refuses closing with money "
            + "left (saying how much), then closes with the code and signs the person out")
    void securityPageFlow() throws Exception {
        Person gwen = person("en");
        Person friend = person("en");
        fund(gwen, "USD", "7.00");
        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/signin.xhtml"));
            Browsers.signIn(browser, gwen.email());
            browser.get(url("/identity/security.xhtml"));
            Browsers.waitFor(browser, "download-json");

            // The two buttons are links the signed-in person's session can follow, and nobody else's.
            String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .reduce((x, y) -> x + "; " + y).orElse("");
            HttpClient client = HttpClient.newHttpClient();
            String json = browser.findElement(By.id("download-json")).getAttribute("href");
            HttpResponse<String> file = client.send(HttpRequest.newBuilder(URI.create(json)).header("Cookie", cookies).GET()
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, file.statusCode());
            assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains(".json"));
            assertEquals(gwen.email(), Http.json(file).getJsonObject("profile").getString("email"));
            String zip = browser.findElement(By.id("download-csv")).getAttribute("href");
            HttpResponse<byte[]> archive = client.send(HttpRequest.newBuilder(URI.create(zip)).header("Cookie", cookies).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertTrue(archive.headers().firstValue("Content-Type").orElse("").startsWith("application/zip"));
            try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(archive.body()))) {
                assertEquals("profile.csv", entries.getNextEntry().getName());
                assertTrue(new String(entries.readAllBytes(), StandardCharsets.UTF_8).contains(gwen.email()));
            }
            HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(json)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertFalse(anonymous.body().contains(gwen.email()), "no session, no data");

            Browsers.click(browser, "close:start");
            assertTrue(Browsers.text(browser).contains("$7.00"), "the page says how much is left: " + Browsers.text(browser));
            assertTrue(browser.findElements(By.id("close-confirm:code")).isEmpty(), "no code asked while money is left");

            send(gwen, friend, "7.00", "USD", "all of it");
            int codes = MailCatcher.codeMails(gwen.email());
            Browsers.click(browser, "close:start");
            Browsers.waitFor(browser, "close-confirm:code");
            Browsers.type(browser, "close-confirm:code", MailCatcher.nextCode(gwen.email(), codes));
            Browsers.click(browser, "close-confirm:submit");
            Browsers.waitFor(browser, "closed-text");
            assertTrue(browser.getCurrentUrl().endsWith("/privacy/closed.xhtml"), browser.getCurrentUrl());

            browser.get(url("/identity/security.xhtml"));
            assertTrue(browser.getCurrentUrl().contains("/signin.xhtml"), "signed out: " + browser.getCurrentUrl());
            Browsers.signIn(browser, gwen.email());
            assertTrue(browser.getCurrentUrl().contains("/signin.xhtml"), "no way back in: " + browser.getCurrentUrl());
        } finally {
            browser.quit();
        }
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** Sends money, answering the step-up code the first transfer to someone asks for; the transfer. */
    JsonObject send(Person from, Person to, String amount, String currency, String note) {
        String key = UUID.randomUUID().toString();
        String body = """
                {"to":"%s","amount":"%s","currency":"%s","note":"%s\"""".formatted(to.username(), amount, currency, note);
        int codes = MailCatcher.codeMails(from.email());
        HttpResponse<String> sent = http.post("/api/v1/transfers", body + "}", "Authorization", from.bearer(),
                "Idempotency-Key", key);
        if (sent.statusCode() == 403) {
            String challenge = Http.json(sent).getString("challenge_id");
            sent = http.post("/api/v1/transfers", body + ",\"challenge_id\":\"" + challenge + "\",\"code\":\""
                    + MailCatcher.nextCode(from.email(), codes) + "\"}", "Authorization", from.bearer(), "Idempotency-Key", key);
        }
        assertEquals(201, sent.statusCode(), sent.body());
        return Http.json(sent);
    }

    static String approval(String challengeId, String code) {
        return """
                {"challenge_id":"%s","code":"%s"}""".formatted(challengeId, code);
    }

    HttpResponse<String> clientToken(JsonObject key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("/api/v1/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + key.getString("id")
                        + "&client_secret=" + key.getString("secret")));
        return http.send(request);
    }

    static JsonObject line(JsonArray history, String transactionId) {
        return history.getValuesAs(JsonObject.class).stream().filter(l -> transactionId.equals(l.getString("transaction_id")))
                .findFirst().orElseThrow(() -> new AssertionError(transactionId + " not in " + history));
    }

    /** The export's ZIP, file name to text. */
    Map<String, String> zip(Person person, String query, String accept) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(http.uri("/api/v1/me/export" + query))
                .header("Authorization", person.bearer()).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/zip"));
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(answer.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** The second message to the address with this in its subject, waiting up to 30 s for it. */
    static MailCatcher.Received secondMail(String address, String subjectPart) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<MailCatcher.Received> found = MailCatcher.inbox(address).stream()
                    .filter(m -> m.subject().contains(subjectPart)).toList();
            if (found.size() >= 2) {
                return found.get(1);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no second '" + subjectPart + "' mail to " + address);
    }

    static List<CSVRecord> csv(String text) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
            return parser.getRecords();
        }
    }
}
