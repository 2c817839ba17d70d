package io.okpay.identity;

import io.okpay.it.Browsers;
import io.okpay.it.MailCatcher;
import io.okpay.it.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.okpay.it.MailCatcher.codeMails;
import static io.okpay.it.MailCatcher.nextCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person in a real browser (headless Debian Chromium, see Browsers): signs up, confirms the address from the
 * e-mail the SMTP server received, signs in with the code e-mailed for it (on for every new account), asks for codes
 * only on a new device (asking for the step-up code again), signs in once more with a code and then without one;
 * sets up an app and a phone, keeps recovery codes, forgets the browser, and signs in with a recovery code.
 */
@Order(8)
class IdentityBrowserIT {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    static WebDriver browser;

    final URL base = TestServer.base();

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browsers.chromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Presses a submit button and waits until the next page has replaced this one. */
    void click(String id) {
        Browsers.click(browser, id);
    }

    void waitFor(String id) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no #" + id + " on " + browser.getCurrentUrl() + ":\n" + page(), e);
        }
    }

    String page() {
        return browser.findElement(By.tagName("body")).getText();
    }

    @Test
    @DisplayName("sign up, verify from the e-mail, sign in with the e-mailed code, ask only on a new device, sign in without one")
    void journey() throws Exception {
        String name = "dora" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.com";
        String password = "lantern meadow copper 93";

        browser.get(url("/signup.xhtml?lang=en"));
        type("signup:email", email);
        type("signup:username", name);
        type("signup:password", password);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("signup:password-strength"), "Strong."));
        click("signup:submit");
        waitFor("signin:email");
        assertTrue(page().contains("We sent a confirmation link to " + email), page());

        String link = MailCatcher.link(MailCatcher.await(email, "Confirm your e-mail address"), "/identity/verify.xhtml");
        browser.get(url(link.substring(link.indexOf("/identity/verify.xhtml"))));
        click("verify:confirm");
        waitFor("signin:email");
        assertTrue(page().contains("your e-mail address is confirmed"), page());

        // A new account: a code by e-mail at every sign-in from the start. A wrong code is refused, the right one
        // signs in.
        int codesBefore = codeMails(email);
        signIn(email, password);
        waitFor("code:value");
        assertEquals("We sent a 6-digit code to your e-mail address. It is valid for 10 minutes.",
                browser.findElement(By.id("code-lead")).getText());
        assertTrue(browser.findElements(By.id("recovery-hint")).isEmpty(), "no recovery codes were ever made: " + page());
        String code = nextCode(email, codesBefore);
        type("code:value", "000000".equals(code) ? "111111" : "000000");
        click("code:submit");
        waitFor("code:value");
        assertTrue(page().contains("This code is not correct."), page());
        type("code:value", code);
        click("code:submit");
        waitFor("balances");
        assertTrue(browser.getCurrentUrl().contains("/wallet/home.xhtml"), "a sign-in lands on the wallet: "
                + browser.getCurrentUrl());
        browser.get(url("/identity/account.xhtml"));
        waitFor("verified");
        assertTrue(page().contains("Hello, " + name), page());
        String signInMail = MailCatcher.await(email, "New sign-in").text();
        assertTrue(signInMail.contains(" on Linux, this computer."), "the device and place in words: " + signInMail);
        assertFalse(signInMail.contains("Mozilla") || signInMail.contains("127.0.0.1") || signInMail.contains("0:0:0:0"), signInMail);

        browser.get(url("/identity/security.xhtml"));
        assertTrue(page().contains("On: signing in needs your password and a code"), page());
        assertTrue(browser.findElement(By.id("ask-state")).getText().contains("at every sign-in"), page());
        String where = browser.findElement(By.id("sessions")).getText() + browser.findElement(By.id("signins")).getText();
        assertTrue(where.contains(" on Linux, this computer"), where);
        assertFalse(where.contains("Mozilla") || where.contains("0:0:0:0") || where.contains("127.0.0.1"), where);

        // The code step names e-mail only (no app, no phone yet); "send the code again" waits 30 s, then only the
        // new code works.
        codesBefore = codeMails(email);
        click("ask-form:new-device");
        waitFor("confirm:code");
        assertEquals("We sent a 6-digit code to your e-mail address. It is valid for 10 minutes.",
                browser.findElement(By.id("confirm:code-hint")).getText());
        String first = nextCode(email, codesBefore);
        click("confirm:resend");
        waitFor("confirm:code");
        assertTrue(Pattern.compile("Please wait \\d+ seconds before asking again.").matcher(page()).find(), page());
        assertEquals(codesBefore + 1, codeMails(email), "too soon: nothing sent");
        new io.okpay.it.Http(base).post("/api/v1/test-identity/resend-allowed/" + email, "");
        click("confirm:resend");
        waitFor("confirm:code");
        assertTrue(page().contains("We sent you a new code. Use the newest one: earlier codes no longer work."), page());
        String second = nextCode(email, codesBefore + 1);
        if (!second.equals(first)) {
            type("confirm:code", first);
            click("confirm:submit");
            waitFor("confirm:code");
            assertTrue(page().contains("This code is not correct."), page());
        }
        type("confirm:code", second);
        click("confirm:submit");
        waitFor("ask-state");
        assertTrue(page().contains("Sign-in now asks for a code only on a new device."), page());
        assertTrue(browser.findElement(By.id("ask-state")).getText().contains("Devices remembered: 0"), page());
        String sessions = browser.findElement(By.id("sessions")).getText();
        assertTrue(sessions.contains("(this browser)"), sessions);
        assertTrue(browser.findElement(By.id("signins")).getText().contains("Signed in"), page());
        click("sessions-form:end-others");
        assertTrue(page().contains("Your other sessions are signed out."), page());

        Browsers.openMenu(browser);
        click("signout:submit");
        waitFor("signin:email");
        assertTrue(page().contains("You are signed out."), page());
        browser.get(url("/identity/account.xhtml"));
        waitFor("signin:email");

        // Only on a new device: this browser answers one more code, and is remembered from then on.
        codesBefore = codeMails(email);
        signIn(email, password);
        waitFor("code:value");
        type("code:value", nextCode(email, codesBefore));
        click("code:submit");
        waitFor("balances");
        Browsers.openMenu(browser);
        click("signout:submit");
        waitFor("signin:email");
        signIn(email, password);
        waitFor("balances");
        assertEquals(codesBefore + 1, codeMails(email), "a remembered browser signs in without a code");

        // An authenticator app: approve with an e-mailed code, scan the QR code, confirm, keep the recovery codes.
        browser.get(url("/identity/security.xhtml"));
        codesBefore = codeMails(email);
        click("totp:on");
        waitFor("confirm:code");
        type("confirm:code", nextCode(email, codesBefore));
        click("confirm:submit");
        waitFor("totp-secret");
        assertTrue(browser.findElement(By.cssSelector("#totp-confirm img")).getAttribute("src").startsWith("data:image/svg+xml;base64,"));
        String secret = browser.findElement(By.id("totp-secret")).getText();
        type("totp-confirm:code", AuthenticatorApp.code(secret, AuthenticatorApp.currentStep()));
        click("totp-confirm:submit");
        waitFor("recovery-codes");
        assertEquals(10, browser.findElements(By.cssSelector("#recovery-codes li")).size());
        assertTrue(browser.findElement(By.id("recovery-keep")).getText().contains("password manager"), page());
        assertTrue(browser.findElements(By.id("sessions")).isEmpty(), "the codes are shown alone, ready to print: " + page());
        click("recovery:done");
        assertTrue(page().contains("On: sign-in codes come from your authenticator app."), page());

        // A phone for SMS codes: approved with the app (the strongest factor now), checked by a code sent to it.
        String phone = "+4479" + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        type("sms:phone", phone);
        click("sms:submit");
        waitFor("confirm:code");
        assertEquals("Enter the 6-digit code that your authenticator app shows for OKPay.",
                browser.findElement(By.id("confirm:code-hint")).getText());
        assertTrue(browser.findElements(By.id("confirm:resend")).isEmpty(), "an app's code cannot be sent: " + page());
        type("confirm:code", AuthenticatorApp.code(secret, AuthenticatorApp.currentStep() + 1));
        click("confirm:submit");
        waitFor("phone-confirm:code");
        type("phone-confirm:code", smsCode(phone));
        click("phone-confirm:submit");
        // Turning SMS on offers recovery codes too (new ones: the app's are replaced).
        waitFor("recovery-codes");
        assertTrue(page().contains("Codes by SMS are on."), page());
        List<String> recovery = browser.findElements(By.cssSelector("#recovery-codes li")).stream().map(e -> e.getText()).toList();
        assertEquals(10, recovery.size(), page());
        click("recovery:done");
        waitFor("sms-state");
        assertTrue(browser.findElements(By.id("recovery-renew:submit")).size() == 1, page());

        // Signing in now asks for the app's code (the browser forgotten first), offers the recovery codes, and one of
        // them signs in.
        click("ask-form:forget");
        assertTrue(page().contains("Devices forgotten: 1."), page());
        Browsers.openMenu(browser);
        click("signout:submit");
        waitFor("signin:email");
        signIn(email, password);
        waitFor("code:value");
        assertEquals("Enter the 6-digit code that your authenticator app shows for OKPay.",
                browser.findElement(By.id("code-lead")).getText());
        assertTrue(browser.findElement(By.id("recovery-hint")).getText().contains("recovery codes"), page());
        assertTrue(browser.findElements(By.id("code:resend")).isEmpty(), page());
        type("code:value", recovery.get(0));
        click("code:submit");
        waitFor("balances");

        // The places in Chinese too.
        browser.get(url("/identity/security.xhtml?lang=zh-CN"));
        waitFor("sessions");
        String sessionsZh = browser.findElement(By.id("sessions")).getText();
        assertTrue(sessionsZh.contains("Linux 上的") && sessionsZh.contains("，本机"), sessionsZh);
        browser.get(url("/identity/security.xhtml?lang=en"));
    }

    /** The code in the newest text the SMS sandbox kept for the number (read through the test-only support resource). */
    String smsCode(String phone) {
        io.okpay.it.Http http = new io.okpay.it.Http(base);
        for (int i = 0; i < 100; i++) {
            String text = http.get("/api/v1/test-identity/sms/" + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8)).body();
            Matcher m = CODE.matcher(text);
            if (m.find()) {
                return m.group(1);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no SMS to " + phone);
    }

    @Test
    @DisplayName("the sign-in page speaks Simplified Chinese")
    void signInPageInChinese() {
        browser.manage().deleteAllCookies();
        browser.get(url("/signin.xhtml?lang=zh-CN"));
        waitFor("signin:email");
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        String text = page();
        assertTrue(text.contains("登录 OKPay"), text);
        assertTrue(text.contains("邮箱") && text.contains("忘记密码？"), text);

        type("signin:email", "nobody@example.com");
        type("signin:password", "wrong password here");
        click("signin:submit");
        waitFor("signin:email");
        assertTrue(page().contains("邮箱或密码不正确。"), page());
        browser.get(url("/signin.xhtml?lang=en"));
    }

    @Test
    @DisplayName("the sign-up page answers a taken address as a new one (in Chinese); the owner is told by e-mail")
    void signUpWithTakenAddress() {
        String owner = "eli" + UUID.randomUUID().toString().substring(0, 8);
        String email = owner + "@example.com";
        io.okpay.it.People.register(email, owner, "en");
        browser.manage().deleteAllCookies();
        browser.get(url("/signup.xhtml?lang=zh-CN"));
        type("signup:email", email);
        type("signup:username", "fan" + UUID.randomUUID().toString().substring(0, 8));
        type("signup:password", "风筝 été 长城 kettle 8");
        click("signup:submit");
        waitFor("signin:email");
        assertTrue(page().contains("欢迎加入 OKPay！验证链接已发送至 " + email), page());
        assertFalse(page().contains("已注册"), page());
        String notice = MailCatcher.await(email, "Someone tried to open an OKPay account").text();
        assertTrue(notice.contains("Hello " + owner) && notice.contains("/identity/forgot.xhtml"), notice);
        browser.get(url("/signin.xhtml?lang=en"));
    }

    private void signIn(String email, String password) {
        browser.get(url("/signin.xhtml"));
        type("signin:email", email);
        type("signin:password", password);
        click("signin:submit");
    }
}
