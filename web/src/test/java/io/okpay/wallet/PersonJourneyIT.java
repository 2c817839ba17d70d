package io.okpay.wallet;

import org.junit.jupiter.api.parallel.ResourceLock;
import io.okpay.funding.AcquirerProxy;
import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.TestServer;
import io.okpay.it.MailCatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.press;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new person's first days, typed in a real browser, with a note that is neither ASCII nor Latin-1: sign up and
 * confirm the address, top up by card, send money with the note, and the recipient finds the note unchanged on the
 * history and detail pages, in the e-mails and in the CSV download. On a phone and a desktop, in English and Chinese.
 */
@ResourceLock(AcquirerProxy.PORT)
@Order(3)
class PersonJourneyIT {

    /** Chinese with full-width punctuation, an accented Latin letter and a symbol: none survives a Latin-1 decoding. */
    static final String NOTE = "周五的午饭钱，谢谢！ Café ☕";
    static final String PASSWORD = "lantern meadow copper 93";

    static WebDriver browser;

    final URL base = TestServer.base();

    Http http;

    /** Card top-ups reach the test server's sandbox acquirer through it. */
    static AcquirerProxy proxy;

    @BeforeAll
    static void startBrowser() throws IOException {
        proxy = AcquirerProxy.start(TestServer.base());
        browser = Browsers.chromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        proxy.close();
    }

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"en, 1280", "zh-CN, 390", "en, 390", "zh-CN, 1280"})
    @DisplayName("sign up, top up, send with a Chinese and accented note; the recipient sees the note exactly everywhere")
    void journey(String language, int width) {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(width, 900));
        browser.get(url("/signup.xhtml?lang=" + language));
        assertEquals(width, ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).intValue(),
                "the page is laid out at the width under test");
        boolean chinese = language.startsWith("zh");

        String recipient = signUp(language);
        browser.manage().deleteAllCookies();
        String sender = signUp(language);
        signIn(language, sender);

        browser.get(url("/funding/topup.xhtml"));
        click(browser, "topup:card");
        type(browser, "topup:amount", "50.00");
        new Select(browser.findElement(By.id("topup:currency"))).selectByValue("EUR");
        type(browser, "topup:number", "4242 4242 4242 4242");
        type(browser, "topup:expMonth", "12");
        type(browser, "topup:expYear", String.valueOf(Year.now().getValue() + 3));
        type(browser, "topup:cvc", "123");
        click(browser, "topup:review");
        waitFor(browser, "topup:confirm");
        click(browser, "topup:confirm");
        waitFor(browser, "reference");

        browser.get(url("/transfer/send.xhtml"));
        waitFor(browser, "send:to");
        type(browser, "send:to", recipient + "@example.com");
        type(browser, "send:amount", "12.50");
        new Select(browser.findElement(By.id("send:currency"))).selectByValue("EUR");
        type(browser, "send:note", NOTE);
        int codes = MailCatcher.codeMails(sender + "@example.com");
        click(browser, "send:continue");
        waitFor(browser, "confirm:submit");
        assertEquals(NOTE, browser.findElement(By.id("note")).getText(), "the confirmation shows the note as typed");
        assertTrue(browser.findElement(By.id("recipient")).getText().contains(recipient), text(browser));
        type(browser, "confirm:code", MailCatcher.nextCode(sender + "@example.com", codes));
        click(browser, "confirm:submit");
        waitFor(browser, "reference");

        MailCatcher.Received receipt = MailCatcher.await(sender + "@example.com", chinese ? "您已向" : "You sent");
        assertNoteIn(receipt);

        browser.manage().deleteAllCookies();
        signIn(language, recipient);
        browser.get(url("/wallet/history.xhtml"));
        waitFor(browser, "history");
        assertEquals(NOTE, browser.findElement(By.cssSelector("#history .note")).getText(), text(browser));
        String csvLink = browser.findElement(By.id("download")).getAttribute("href");
        press(browser, browser.findElement(By.cssSelector("#history a[href*='transaction.xhtml']")));
        waitFor(browser, "transaction");
        assertEquals(NOTE, browser.findElement(By.id("note")).getText(), text(browser));
        String transactionId = browser.findElement(By.id("transaction-id")).getText();

        MailCatcher.Received notice = MailCatcher.await(recipient + "@example.com", chinese ? "您收到" : "You received");
        assertTrue(notice.subject().contains(sender), notice.subject());
        assertNoteIn(notice);

        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<String> csv = http.get(csvLink.substring(csvLink.indexOf("/wallet/")), "Cookie", cookies);
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("text/csv;charset=utf-8", csv.headers().firstValue("Content-Type").orElse("")
                .replace(" ", "").toLowerCase(), "the download says it is UTF-8");
        String row = Arrays.stream(csv.body().split("\r\n")).filter(r -> r.contains(transactionId)).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + transactionId + " in:\n" + csv.body()));
        assertTrue(Arrays.asList(row.split(",", -1)).contains(NOTE), "the note is one whole cell: " + row);

        // A refused download answers in the person's language, as UTF-8 text with no charset of its own in the code.
        HttpResponse<String> refused = http.get("/wallet/export.csv?from=2026-02-30&to=2026-03-01", "Cookie", cookies);
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("text/plain;charset=utf-8", refused.headers().firstValue("Content-Type").orElse("")
                .replace(" ", "").toLowerCase());
        assertTrue(refused.body().contains(chinese ? "日期" : "date") && refused.body().contains("2026-11-20"), refused.body());

        // Non-ASCII in a query string (a GET filter) arrives as typed, too.
        browser.get(url("/wallet/history.xhtml?counterparty=" + URLEncoder.encode("周五 Café", StandardCharsets.UTF_8)));
        waitFor(browser, "filters");
        assertEquals("周五 Café", browser.findElement(By.id("counterparty")).getAttribute("value"));
    }

    /** Signs up on the sign-up page and confirms the address from the e-mail; returns the username (also the mailbox). */
    String signUp(String language) {
        String name = "journey" + UUID.randomUUID().toString().substring(0, 8);
        browser.get(url("/signup.xhtml?lang=" + language));
        waitFor(browser, "signup:email");
        type(browser, "signup:email", name + "@example.com");
        type(browser, "signup:username", name);
        type(browser, "signup:password", PASSWORD);
        click(browser, "signup:submit");
        waitFor(browser, "signin:email");

        MailCatcher.Received confirmation = MailCatcher.await(name + "@example.com",
                language.startsWith("zh") ? "验证" : "Confirm your e-mail address");
        String link = MailCatcher.link(confirmation, "/identity/verify.xhtml");
        browser.get(url(link.substring(link.indexOf("/identity/verify.xhtml"))));
        click(browser, "verify:confirm");
        waitFor(browser, "signin:email");
        return name;
    }

    void signIn(String language, String name) {
        browser.get(url("/signin.xhtml?lang=" + language));
        waitFor(browser, "signin:email");
        Browsers.signIn(browser, name + "@example.com", PASSWORD);
        waitFor(browser, "balances");
    }

    static void assertNoteIn(MailCatcher.Received mail) {
        assertTrue(mail.text().contains(NOTE), "the text part: " + mail.text());
        assertTrue(mail.html().contains(NOTE), "the HTML part: " + mail.html());
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
