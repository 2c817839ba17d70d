package io.okpay.shared;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.TcpProxy;
import io.okpay.it.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OKPay installs on a phone's home screen: a manifest in the person's language with icons that are what they say,
 * a service worker that Chromium registers, that keeps only the offline page and static files (never a page with
 * money on it, never an API answer), and that shows the offline page when the server cannot be reached.
 */
class InstallableAppIT {

    private final URL base = TestServer.base();
    private final Http http = new Http(base);

    @Test
    void manifestSpeaksBothLanguagesAndItsIconsAreWhatItSays() throws Exception {
        for (String lang : List.of("en", "zh-CN")) {
            HttpResponse<String> answer = http.get("/manifest.webmanifest?lang=" + lang);
            assertEquals(200, answer.statusCode());
            assertEquals("application/manifest+json", answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            JsonObject manifest = Http.json(answer);
            assertEquals(lang, manifest.getString("lang"));
            assertEquals(lang.equals("en") ? "OKPay wallet" : "OKPay 钱包", manifest.getString("name"));
            assertEquals("standalone", manifest.getString("display"));
            assertTrue(manifest.getString("start_url").startsWith("/wallet/home.xhtml"), manifest.toString());
            for (JsonValue value : manifest.getJsonArray("icons")) {
                JsonObject icon = value.asJsonObject();
                BufferedImage image = image(icon.getString("src"));
                assertEquals(icon.getString("sizes"), image.getWidth() + "x" + image.getHeight(), icon.toString());
            }
        }
        HttpResponse<String> worker = http.get("/sw.js");
        assertEquals(200, worker.statusCode());
        assertTrue(worker.headers().firstValue("Content-Type").orElse("").contains("javascript"));
    }

    @Test
    void workerRegistersKeepsNoMoneyAndShowsTheOfflinePageWhenTheServerIsGone() throws Exception {
        TcpProxy network = TcpProxy.to(base);
        WebDriver browser = Browsers.chromium();
        try {
            JavascriptExecutor page = (JavascriptExecutor) browser;
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            browser.get(network.base() + "?lang=zh-CN");
            assertEquals("activated", page.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    navigator.serviceWorker.ready.then(r => {
                        const w = r.active;
                        if (w.state === 'activated') { done(w.state); }
                        else { w.addEventListener('statechange', () => w.state === 'activated' && done(w.state)); }
                    });"""));
            // Chromium itself says whether the page can be installed (manifest, icons, worker): no objections.
            Map<String, Object> installability = ((ChromeDriver) browser).executeCdpCommand("Page.getInstallabilityErrors", Map.of());
            assertEquals(List.of(), installability.get("installabilityErrors"), installability.toString());

            // A page under the worker reads the API and opens a money page: neither may end up in its cache.
            browser.get(network.base() + "signin.xhtml");
            assertEquals(200L, page.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/api/v1/currencies').then(r => done(r.status));"""));
            @SuppressWarnings("unchecked")
            List<String> kept = (List<String>) page.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))
                        .then(lists => done(lists.flat().map(r => new URL(r.url).pathname + new URL(r.url).search)));""");
            assertTrue(kept.contains("/offline.xhtml?lang=zh-CN"), kept.toString());
            assertTrue(kept.stream().allMatch(path -> path.startsWith("/offline.xhtml")
                    || path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")), kept.toString());

            network.close();
            browser.get(network.base() + "wallet/home.xhtml");
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("offline")).isEmpty());
            assertEquals("您已离线", browser.findElement(By.id("offline")).getText());
            // The kept stylesheet came along: the page is styled, not bare HTML.
            assertEquals("flex", page.executeScript("return getComputedStyle(document.body).display"));
        } finally {
            browser.quit();
            network.close();
        }
    }

    private BufferedImage image(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode(), path);
        assertEquals("image/png", answer.headers().firstValue("Content-Type").orElse("").split(";")[0], path);
        return ImageIO.read(new ByteArrayInputStream(answer.body()));
    }
}
