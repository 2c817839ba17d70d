package io.okpay.faults;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's headless Chromium through its own driver, offline (as the web module's browser tests run it), signed in to
 * OKPay through HAProxy: the person whose instance the suite kills.
 */
final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String base;

    Browser(String base) throws Exception {
        this.base = base;
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("okpay-faults-chromium"),
                "--disable-extensions", "--mute-audio", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .withEnvironment(Map.of("SE_OFFLINE", "true"))
                .build();
        driver = new ChromeDriver(service, options);
    }

    /**
     * The one place the browser signs in: e-mail and password, then the e-mailed code when the page asks for one.
     * Ends on the wallet's home page.
     */
    void signIn(Bank bank, Bank.Person person) throws Exception {
        int seen = bank.mail.codeCount(person.email);
        driver.get(base + "/signin.xhtml?lang=en");
        type("signin:email", person.email);
        type("signin:password", person.password);
        click("signin:submit");
        if (!driver.findElements(By.id("code:value")).isEmpty()) {
            type("code:value", bank.mail.nextCode(person.email, seen));
            click("code:submit");
        }
        waitFor("balances");
    }

    /** The instance HAProxy keeps this browser on (its OKPAY_INSTANCE cookie): 1 or 2. */
    int instance() {
        Cookie cookie = driver.manage().getCookieNamed("OKPAY_INSTANCE");
        if (cookie == null) {
            throw new AssertionError("HAProxy set no OKPAY_INSTANCE cookie");
        }
        return Integer.parseInt(cookie.getValue().replace("okpay", ""));
    }

    /** Opens a page and waits for an element of it; false when another page (the sign-in page) came instead. */
    boolean open(String path, String id) {
        driver.get(base + path);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                    !d.findElements(By.id(id)).isEmpty() || !d.findElements(By.id("signin:email")).isEmpty());
        } catch (WebDriverException e) {
            return false;
        }
        return !driver.findElements(By.id(id)).isEmpty();
    }

    private void type(String id, String text) {
        waitFor(id);
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void click(String id) {
        WebElement current = driver.findElement(By.tagName("html"));
        driver.findElement(By.id(id)).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            try {
                current.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    private void waitFor(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
