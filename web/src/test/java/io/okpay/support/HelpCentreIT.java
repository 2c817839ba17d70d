package io.okpay.support;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.TestServer;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The help centre at phone width in both languages: the index, an article, search, the currencies, a 404. */
class HelpCentreIT {

    static WebDriver browser;

    final Http http = new Http(TestServer.base());

    @BeforeAll
    static void start() throws IOException {
        browser = Browsers.chromium();
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    static String url(String path) {
        return TestServer.base().toString().replaceAll("/$", "") + path;
    }

    void open(String path, String language, String expectedId) {
        browser.get(url(path + (path.contains("?") ? "&" : "?") + "lang=" + language));
        waitFor(browser, expectedId);
        assertEquals(language, browser.findElement(By.tagName("html")).getAttribute("lang"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertEquals(390, ((Number) js.executeScript("return window.innerWidth")).intValue());
        long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertTrue(scroll <= 390, path + " scrolls sideways at 390 px: " + scroll);
    }

    List<String> resultSlugs() {
        return browser.findElements(By.cssSelector("#help-results li a")).stream()
                .map(a -> a.getAttribute("href").replaceAll(".*slug=", "")).toList();
    }

    @ParameterizedTest
    @CsvSource({"en, Help centre, Keeping your account safe, public Wi-Fi",
            "zh-CN, 帮助中心, 账户安全建议, 不要在公共 Wi-Fi 下进行资金操作"})
    void indexAndArticleAtPhoneWidth(String language, String title, String articleTitle, String phrase) {
        open("/help/", language, "help-search");
        assertEquals(title, browser.findElement(By.tagName("h1")).getText());
        List<WebElement> links = browser.findElements(By.cssSelector(".help-topic li a"));
        assertEquals(18, links.size(), text(browser));
        assertTrue(browser.findElement(By.id("nav-help")).getAttribute("href").endsWith("/help/index.xhtml"), "top bar links here");

        WebElement security = browser.findElement(By.cssSelector(".help-topic a[href$='slug=security-advice']"));
        assertEquals(articleTitle, security.getText());
        Browsers.press(browser, security);
        waitFor(browser, "article");
        assertEquals(articleTitle, browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("article")).getText().contains(phrase), text(browser));
        open("/help/article.xhtml?slug=security-advice", language, "help-back");
    }

    @Test
    void searchesInChineseAndInEnglish() {
        open("/help/", "zh-CN", "help-search");
        type(browser, "q", "充值券");
        click(browser, "help-search-submit");
        waitFor(browser, "help-results");
        assertEquals("topup-voucher", resultSlugs().get(0), text(browser));
        assertTrue(text(browser).contains("充值券充值"), text(browser));

        type(browser, "q", "签名");
        click(browser, "help-search-submit");
        waitFor(browser, "help-results");
        assertTrue(resultSlugs().contains("merchant-webhooks"), text(browser));

        open("/help/", "en", "help-search");
        type(browser, "q", "webhook signature");
        click(browser, "help-search-submit");
        waitFor(browser, "help-results");
        assertEquals(List.of("merchant-webhooks"), resultSlugs(), text(browser));

        // Typed markup is only text: echoed in the box, found nowhere, no element made of it.
        type(browser, "q", "<b id=\"injected\">zzqx</b> 周五");
        click(browser, "help-search-submit");
        waitFor(browser, "help-no-results");
        assertTrue(browser.findElements(By.id("injected")).isEmpty());
        assertEquals("<b id=\"injected\">zzqx</b> 周五", browser.findElement(By.id("q")).getAttribute("value"));
    }

    @Test
    void theCurrenciesArticleListsTheEnabledCurrencies() {
        List<String> enabled = Http.parse(http.get("/api/v1/currencies").body()).asJsonArray().stream()
                .map(JsonValue::asJsonObject).map(c -> c.getString("code")).toList();
        assertFalse(enabled.isEmpty());
        for (String language : List.of("en", "zh-CN")) {
            open("/help/article.xhtml?slug=currencies", language, "enabled-currencies");
            List<String> shown = browser.findElements(By.cssSelector("#enabled-currencies li strong")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(enabled, shown, language);
        }
        assertTrue(text(browser).contains("人民币") || !enabled.contains("CNY"), "names in the page's language");
    }

    @Test
    void anUnknownSlugIsTheNotFoundPage() {
        HttpResponse<String> unknown = http.get("/help/article.xhtml?slug=no-such-article&lang=en");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("Page not found"), unknown.body());
        assertEquals(404, http.get("/help/article.xhtml").statusCode());
        assertEquals(404, http.get("/help/article.xhtml?slug=" + URLEncoder.encode("../en/fees", StandardCharsets.UTF_8)).statusCode());

        // The error page speaks the caller's language (Accept-Language here; ?lang= is not seen by an error dispatch).
        HttpResponse<String> chinese = http.get("/help/article.xhtml?slug=" + URLEncoder.encode("不存在", StandardCharsets.UTF_8),
                "Accept-Language", "zh-CN");
        assertEquals(404, chinese.statusCode());
        assertTrue(chinese.body().contains("页面不存在"), chinese.body());
    }

    @Test
    void theOldHelpPageLeadsHereAndKeepsItsContactAnchor() {
        open("/help.xhtml", "en", "help-centre");
        assertTrue(browser.findElement(By.id("help-centre")).getAttribute("href").endsWith("/help/index.xhtml"));
        assertFalse(browser.findElements(By.id("contact")).isEmpty());
        HttpResponse<String> article = http.get("/help/article.xhtml?slug=fees&lang=zh-CN");
        assertEquals(200, article.statusCode());
        assertTrue(article.body().contains("手续费"), article.body());
    }
}
