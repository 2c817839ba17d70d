package io.okpay.it;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

/**
 * Headless Debian Chromium for the browser tests, and the few moves they all make. Debian's own chromium and
 * chromium-driver, never a browser a tool downloads; fonts-noto-cjk, or Chinese renders as boxes.
 */
public final class Browsers {

    private Browsers() {
    }

    /** Debian's Chromium through its own driver, offline: nothing is ever downloaded. */
    public static WebDriver chromium() throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("okpay-chromium"),
                // Less work beside the page on two shared cores: one renderer process, no extensions or translate.
                "--disable-extensions", "--disable-site-isolation-trials", "--mute-audio",
                "--disable-features=site-per-process,Translate,OptimizationHints,MediaRouter",
                "--lang=en-US");
        // The console (CSP violations, script errors) readable through manage().logs() by the tests that check it.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .withEnvironment(Map.of("SE_OFFLINE", "true"))
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Signs in on the sign-in form the browser shows (signin.xhtml, or the form a protected page sent it to): the
     * password of {@link People}, then, when the page asks for one, the code e-mailed for this sign-in (none on a
     * device the person asked to remember). The tests' one way to sign in through the pages.
     */
    public static void signIn(WebDriver browser, String email) {
        signIn(browser, email, People.PASSWORD);
    }

    /** {@link #signIn(WebDriver, String)} for a person with a password of their own. */
    public static void signIn(WebDriver browser, String email, String password) {
        waitFor(browser, "signin:email");
        int before = MailCatcher.codeMails(email);
        type(browser, "signin:email", email);
        type(browser, "signin:password", password);
        click(browser, "signin:submit");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
                "complete".equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState")));
        if (!browser.findElements(By.id("code:value")).isEmpty()) {
            type(browser, "code:value", MailCatcher.nextCode(email, before));
            click(browser, "code:submit");
        }
    }

    public static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Presses a submit button and waits until the next page has replaced this one. */
    public static void click(WebDriver browser, String id) {
        press(browser, browser.findElement(By.id(id)));
    }

    public static void press(WebDriver browser, WebElement button) {
        WebElement current = browser.findElement(By.tagName("html"));
        button.click();
        awaitReplaced(browser, current);
    }

    /** Waits until the next page has replaced the one whose {@code html} element is {@code current}. */
    public static void awaitReplaced(WebDriver browser, WebElement current) {
        // Gone from the page: stale, or (a race inside Chromium while the new page loads) no longer in any document.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            try {
                current.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    /** Opens the top bar's menu (account, security, withdraw, merchant, sign out), which a person opens to get there. */
    public static void openMenu(WebDriver browser) {
        WebElement menu = browser.findElement(By.id("menu"));
        if (menu.getAttribute("open") == null) {
            browser.findElement(By.id("nav-more")).click();
        }
    }

    public static void waitFor(WebDriver browser, String id) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        } catch (TimeoutException e) {
            throw new AssertionError("no #" + id + " on " + browser.getCurrentUrl() + ":\n" + text(browser), e);
        }
    }

    public static String text(WebDriver browser) {
        return browser.findElement(By.tagName("body")).getText();
    }
}
