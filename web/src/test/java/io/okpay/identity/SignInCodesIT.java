package io.okpay.identity;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.People;
import io.okpay.it.People.Person;
import io.okpay.it.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static io.okpay.it.MailCatcher.codeMails;
import static io.okpay.it.MailCatcher.nextCode;
import static io.okpay.it.People.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A code at every sign-in, on by default for new accounts (pages and API); "ask only on a new device" with a signed,
 * revocable device cookie or device_token; switching to an authenticator app; and the risk rules' new-device and
 * velocity reasons, recorded and shown on the security page.
 */
@Order(8)
class SignInCodesIT {

    private static final String OTHER_DEVICE = "OKPay-IT/2.0 (another device)";

    final URL base = TestServer.base();
    final Http http = new Http(base);

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    // ---- pages ------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("a new account's sign-in asks for the e-mailed code (Chinese, 390 px); only on a new device remembers "
            + "this browser by a signed cookie; another browser and an altered cookie are asked again")
    void pagesInChineseOnAPhone() throws Exception {
        Person mei = People.person("zh-CN");
        WebDriver browser = Browsers.chromium();
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(url("/signin.xhtml?lang=zh-CN"));
            int before = codeMails(mei.email());
            submitPassword(browser, mei.email());
            waitFor(browser, "code:value");
            assertEquals("6 位验证码已发送到您的邮箱，10 分钟内有效。", browser.findElement(By.id("code-lead")).getText());
            assertFitsTheWidth(browser);
            String code = nextCode(mei.email(), before);
            type(browser, "code:value", "000000".equals(code) ? "111111" : "000000");
            click(browser, "code:submit");
            waitFor(browser, "code:value");
            assertTrue(text(browser).contains("验证码不正确"), "a wrong code is refused: " + text(browser));
            type(browser, "code:value", code);
            click(browser, "code:submit");
            waitFor(browser, "balances");
            assertNull(browser.manage().getCookieNamed("okpay_device"), "every sign-in asks: no device is remembered");

            // The security page explains the trade-off, in Chinese; the change takes a step-up code.
            browser.get(url("/identity/security.xhtml?lang=zh-CN"));
            waitFor(browser, "ask-state");
            assertTrue(browser.findElement(By.id("ask-state")).getText().contains("每次登录"), text(browser));
            assertTrue(browser.findElement(By.id("ask-tradeoff-every")).getText().contains("最安全"), text(browser));
            assertTrue(browser.findElement(By.id("ask-tradeoff-new-device")).getText().contains("30 天"), text(browser));
            assertFitsTheWidth(browser);
            before = codeMails(mei.email());
            click(browser, "ask-form:new-device");
            waitFor(browser, "confirm:code");
            type(browser, "confirm:code", nextCode(mei.email(), before));
            click(browser, "confirm:submit");
            waitFor(browser, "ask-state");
            assertTrue(text(browser).contains("现在仅在新设备上登录时需要验证码。"), text(browser));
            assertTrue(browser.findElement(By.id("ask-state")).getText().contains("已记住的设备：0 台"), text(browser));

            // This browser answers one more code and is remembered: a signed, HttpOnly, SameSite cookie for 30 days.
            signOut(browser);
            before = codeMails(mei.email());
            submitPassword(browser, mei.email());
            waitFor(browser, "code:value");
            type(browser, "code:value", nextCode(mei.email(), before));
            click(browser, "code:submit");
            waitFor(browser, "balances");
            Cookie device = browser.manage().getCookieNamed("okpay_device");
            assertNotNull(device, "the device is remembered");
            assertTrue(device.isHttpOnly(), "no script reads it");
            assertEquals("Lax", device.getSameSite());
            assertTrue(device.getValue().matches("[A-Za-z0-9_-]{43}\\.[0-9a-f]{64}"), "a token and its HMAC: " + device.getValue());
            long days = Duration.between(Instant.now(), device.getExpiry().toInstant()).toHours();
            assertTrue(days > 29 * 24 && days <= 30 * 24, "valid 30 days: " + device.getExpiry());

            signOut(browser);
            submitPassword(browser, mei.email());
            waitFor(browser, "balances");
            assertEquals(before + 1, codeMails(mei.email()), "the remembered browser signs in without a code");

            // An altered cookie (one character of the signature, or of the token) is a new device: a code is asked.
            signOut(browser);
            for (String altered : List.of(alter(device.getValue(), device.getValue().length() - 1), alter(device.getValue(), 0))) {
                browser.manage().deleteCookieNamed("okpay_device");
                browser.manage().addCookie(new Cookie.Builder("okpay_device", altered).path(device.getPath())
                        .isHttpOnly(true).build());
                before = codeMails(mei.email());
                submitPassword(browser, mei.email());
                waitFor(browser, "code:value");
                assertNotNull(nextCode(mei.email(), before), "an altered cookie opens nothing: a code is e-mailed");
                browser.get(url("/signin.xhtml?lang=zh-CN"));
            }

            // Another browser (no cookie) is asked too.
            browser.manage().deleteAllCookies();
            browser.get(url("/signin.xhtml?lang=zh-CN"));
            before = codeMails(mei.email());
            submitPassword(browser, mei.email());
            waitFor(browser, "code:value");
            assertNotNull(nextCode(mei.email(), before), "a browser without the cookie is a new device: a code is e-mailed");
        } finally {
            browser.quit();
        }
    }

    // ---- API --------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("API: the password gives a challenge, the code the tokens; with only-on-a-new-device the code's answer "
            + "carries a device_token that skips the next code; forged, foreign and forgotten device tokens are asked")
    void apiChallengeAndDeviceToken() {
        Person ann = People.person();
        Person bob = People.person();

        // Every sign-in of a new account: 401 code_required, then the code; no device_token while every sign-in asks.
        int before = codeMails(ann.email());
        HttpResponse<String> challenge = passwordGrant(ann.email(), null);
        assertEquals(401, challenge.statusCode(), challenge.body());
        assertEquals("code_required", Http.json(challenge).getString("code"));
        HttpResponse<String> granted = codeGrant(Http.json(challenge), nextCode(ann.email(), before));
        assertEquals(200, granted.statusCode(), granted.body());
        assertFalse(Http.json(granted).containsKey("device_token"), granted.body());
        assertEquals("every_sign_in", Http.json(me(ann)).getString("sign_in_codes"));
        assertEquals("email", Http.json(me(ann)).getString("second_factor"));

        // Codes by e-mail cannot simply be turned off: every sign-in asks for a code.
        HttpResponse<String> off = put("/api/v1/me/email-codes", approved(ann, "{\"enabled\":false"), ann);
        assertEquals(422, off.statusCode(), off.body());
        assertEquals("sign_in_code_required", Http.json(off).getString("code"));

        // Only on a new device, after a step-up code.
        HttpResponse<String> bad = put("/api/v1/me/sign-in-codes", "{\"ask\":\"sometimes\"}", ann);
        assertEquals(400, bad.statusCode(), bad.body());
        HttpResponse<String> chosen = put("/api/v1/me/sign-in-codes", approved(ann, "{\"ask\":\"new_device\""), ann);
        assertEquals(200, chosen.statusCode(), chosen.body());
        assertEquals("new_device", Http.json(chosen).getString("sign_in_codes"));

        JsonObject first = People.signIn(ann.email(), null);
        String deviceToken = first.getString("device_token");
        assertTrue(deviceToken.matches("[A-Za-z0-9_-]{43}\\.[0-9a-f]{64}"), deviceToken);
        before = codeMails(ann.email());
        HttpResponse<String> remembered = passwordGrant(ann.email(), deviceToken);
        assertEquals(200, remembered.statusCode(), "the remembered device gets its tokens at once: " + remembered.body());
        assertFalse(Http.json(remembered).containsKey("device_token"), "not issued again: " + remembered.body());
        assertEquals(200, http.get("/api/v1/me", "Authorization", "Bearer "
                + Http.json(remembered).getString("access_token")).statusCode());
        assertEquals(before, codeMails(ann.email()), "no code was sent");

        // Without it (another device), with one character changed, or with someone else's: a code is asked.
        for (String other : new String[]{null, alter(deviceToken, deviceToken.length() - 1), alter(deviceToken, 3),
                deviceTokenOf(bob)}) {
            int sent = codeMails(ann.email());
            HttpResponse<String> asked = passwordGrant(ann.email(), other);
            assertEquals(401, asked.statusCode(), other + ": " + asked.body());
            assertEquals("code_required", Http.json(asked).getString("code"));
            nextCode(ann.email(), sent); // delivered before the next step counts the mails
        }

        // Forgotten devices are asked again.
        HttpResponse<String> forgotten = http.send(HttpRequest.newBuilder(http.uri("/api/v1/me/remembered-devices"))
                .DELETE(), "Authorization", ann.bearer());
        assertEquals(200, forgotten.statusCode(), forgotten.body());
        assertEquals(1, Http.json(forgotten).getInt("forgotten"));
        int sent = codeMails(ann.email());
        assertEquals(401, passwordGrant(ann.email(), deviceToken).statusCode(), "a forgotten device is asked");
        nextCode(ann.email(), sent);

        // Back to every sign-in: a new device_token is not even offered.
        HttpResponse<String> every = put("/api/v1/me/sign-in-codes", approved(ann, "{\"ask\":\"every_sign_in\""), ann);
        assertEquals("every_sign_in", Http.json(every).getString("sign_in_codes"), every.body());
        assertFalse(People.signIn(ann.email(), null).containsKey("device_token"));
    }

    @Test
    @DisplayName("API: a wrong code is refused, and once the hour's wrong codes are spent even the right one waits (429)")
    void wrongCodesRefusedAndThrottled() {
        Person cai = People.person();
        int before = codeMails(cai.email());
        JsonObject a = Http.json(passwordGrant(cai.email(), null));
        String code = nextCode(cai.email(), before);
        HttpResponse<String> wrong = codeGrant(a, "000000".equals(code) ? "111111" : "000000");
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertEquals("code_invalid", Http.json(wrong).getString("code"));

        // Nine wrong codes this hour so far (as if guessed): the tenth spends the budget.
        assertNotEquals("0", http.post("/api/v1/test-identity/code-failures/" + cai.email() + "/9", "").body());
        assertEquals("code_invalid", Http.json(codeGrant(a, "000000".equals(code) ? "222222" : "000000")).getString("code"));
        HttpResponse<String> spent = codeGrant(a, code);
        assertEquals(429, spent.statusCode(), "not even the right code: " + spent.body());
        assertEquals("too_many_wrong_codes", Http.json(spent).getString("code"));
        assertTrue(spent.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    @DisplayName("switching to an authenticator app: sign-in asks for the app's code and sends no e-mail")
    void switchToAuthenticatorApp() throws Exception {
        Person kim = People.person();
        HttpResponse<String> started = http.post("/api/v1/me/totp", approved(kim, "{") , "Authorization", kim.bearer());
        assertEquals(201, started.statusCode(), started.body());
        String secret = Http.json(started).getString("secret");
        long step = AuthenticatorApp.currentStep();
        HttpResponse<String> confirmed = http.post("/api/v1/me/totp/confirmation",
                "{\"code\":\"" + AuthenticatorApp.code(secret, step) + "\"}", "Authorization", kim.bearer());
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals("totp", Http.json(me(kim)).getString("second_factor"));

        int mails = codeMails(kim.email());
        JsonObject challenge = Http.json(passwordGrant(kim.email(), null));
        assertEquals("code_required", challenge.getString("code"));
        assertEquals(200, codeGrant(challenge, AuthenticatorApp.code(secret, step + 1)).statusCode());
        assertEquals(mails, codeMails(kim.email()), "the app's code is not e-mailed");

        assertTrue(Http.json(me(kim)).getString("sign_in_codes").equals("every_sign_in"));
    }

    // ---- risk rules -------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("money from a device never signed in from asks for a code (NEW_DEVICE_OR_IP); so does the 26th "
            + "payment within an hour (UNUSUAL_VELOCITY); both recorded and shown on the security page")
    void newDeviceAndVelocity() throws Exception {
        Person ann = People.person();
        Person bob = People.person();
        People.fund(ann, "EUR", "100.00");
        assertEquals(201, sendWithCode(ann, bob, "1.00").statusCode(), "bob is a known recipient from now on");

        HttpResponse<String> otherDevice = http.post("/api/v1/transfers", transfer(bob, "1.00"), "Authorization",
                ann.bearer(), "Idempotency-Key", UUID.randomUUID().toString(), "User-Agent", OTHER_DEVICE);
        assertEquals(403, otherDevice.statusCode(), "the same token from another device: " + otherDevice.body());
        assertEquals("step_up_required", Http.json(otherDevice).getString("code"));

        // From the device she signed in with: 24 more (25 in the hour) need no code; the 26th does.
        for (int i = 0; i < 24; i++) {
            HttpResponse<String> sent = http.post("/api/v1/transfers", transfer(bob, "0.10"), "Authorization",
                    ann.bearer(), "Idempotency-Key", UUID.randomUUID().toString());
            assertEquals(201, sent.statusCode(), "payment " + (i + 2) + ": " + sent.body());
        }
        HttpResponse<String> fast = http.post("/api/v1/transfers", transfer(bob, "0.10"), "Authorization",
                ann.bearer(), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(403, fast.statusCode(), "the 26th within the hour: " + fast.body());
        assertEquals("step_up_required", Http.json(fast).getString("code"));

        WebDriver browser = Browsers.chromium();
        try {
            browser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(browser, ann.email());
            browser.get(url("/identity/security.xhtml?lang=en"));
            waitFor(browser, "code-reason-list");
            List<WebElement> rows = browser.findElements(By.cssSelector("#code-reason-list tbody tr"));
            assertEquals(3, rows.size(), text(browser));
            String velocity = rows.get(0).getText();
            String device = rows.get(1).getText();
            String recipient = rows.get(2).getText();
            assertTrue(velocity.contains("more outgoing payments within an hour than usual") && velocity.contains("€0.10")
                    && !velocity.contains("not signed in from"), velocity);
            assertTrue(device.contains("a device or network address you have not signed in from before")
                    && device.contains("€1.00") && !device.contains("than usual"), device);
            assertTrue(recipient.contains("a recipient you have not paid before") && !recipient.contains("not signed in from"),
                    recipient);
            browser.get(url("/identity/security.xhtml?lang=zh-CN"));
            waitFor(browser, "code-reason-list");
            String zh = browser.findElement(By.id("code-reason-list")).getText();
            assertTrue(zh.contains("一小时内的付款次数异常多") && zh.contains("来自您此前从未登录过的设备或网络地址"), zh);
        } finally {
            browser.quit();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    HttpResponse<String> passwordGrant(String email, String deviceToken) {
        String device = deviceToken == null ? "" : ",\"device_token\":\"" + deviceToken + "\"";
        return http.post("/api/v1/auth/token", "{\"grant_type\":\"password\",\"email\":\"%s\",\"password\":\"%s\"%s}"
                .formatted(email, PASSWORD, device));
    }

    HttpResponse<String> codeGrant(JsonObject required, String code) {
        return http.post("/api/v1/auth/token", ("{\"grant_type\":\"one_time_code\",\"sign_in_id\":\"%s\","
                + "\"challenge_id\":\"%s\",\"code\":\"%s\"}").formatted(required.getString("sign_in_id"),
                required.getString("challenge_id"), code));
    }

    HttpResponse<String> me(Person person) {
        return http.get("/api/v1/me", "Authorization", person.bearer());
    }

    HttpResponse<String> put(String path, String json, Person person) {
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), "Authorization", person.bearer());
    }

    /** The body begun by {@code open} (an object without its closing brace), approved by an e-mailed step-up code. */
    String approved(Person person, String open) {
        int before = codeMails(person.email());
        HttpResponse<String> stepUp = http.post("/api/v1/me/step-up", "{\"action\":\"change-second-factor\"}",
                "Authorization", person.bearer());
        assertEquals(201, stepUp.statusCode(), stepUp.body());
        return open + (open.endsWith("{") ? "" : ",") + "\"challenge_id\":\"%s\",\"code\":\"%s\"}".formatted(
                Http.json(stepUp).getString("challenge_id"), nextCode(person.email(), before));
    }

    /** A device token of another person (who asks only on a new device). */
    String deviceTokenOf(Person other) {
        People.askCodesOnNewDevice(other);
        return People.signIn(other.email(), null).getString("device_token");
    }

    static String transfer(Person to, String amount) {
        return "{\"to\":\"%s\",\"amount\":\"%s\",\"currency\":\"EUR\"}".formatted(to.email(), amount);
    }

    HttpResponse<String> sendWithCode(Person from, Person to, String amount) {
        String key = UUID.randomUUID().toString();
        int before = codeMails(from.email());
        HttpResponse<String> asked = http.post("/api/v1/transfers", transfer(to, amount), "Authorization", from.bearer(),
                "Idempotency-Key", key);
        assertEquals(403, asked.statusCode(), "a new recipient: " + asked.body());
        String body = "{\"to\":\"%s\",\"amount\":\"%s\",\"currency\":\"EUR\",\"challenge_id\":\"%s\",\"code\":\"%s\"}"
                .formatted(to.email(), amount, Http.json(asked).getString("challenge_id"), nextCode(from.email(), before));
        return http.post("/api/v1/transfers", body, "Authorization", from.bearer(), "Idempotency-Key", key);
    }

    /** The same text with the character at {@code index} changed to another of its alphabet. */
    static String alter(String value, int index) {
        char c = value.charAt(index);
        char other = c == 'a' ? 'b' : c == '0' ? '1' : Character.isDigit(c) ? '0' : 'a';
        return value.substring(0, index) + other + value.substring(index + 1);
    }

    void submitPassword(WebDriver browser, String email) {
        waitFor(browser, "signin:email");
        type(browser, "signin:email", email);
        type(browser, "signin:password", PASSWORD);
        click(browser, "signin:submit");
    }

    void signOut(WebDriver browser) {
        Browsers.openMenu(browser);
        click(browser, "signout:submit");
        waitFor(browser, "signin:email");
    }

    static void assertFitsTheWidth(WebDriver browser) {
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).longValue() <= 0, "no sideways scrolling at 390 px: " + overflow);
    }
}
