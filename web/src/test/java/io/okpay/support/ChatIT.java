package io.okpay.support;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.People.Person;
import io.okpay.it.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static io.okpay.it.People.operator;
import static io.okpay.it.People.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The live chat, black box, in real browsers and over raw WebSockets: with nobody on the desk the chat offers a request
 * and says when it is answered; handshakes without a signed-in session, from another origin, or of a person on the
 * desk's socket are refused; an operator's console and two people in Chinese and English: lines both ways, typing,
 * delivery, two chats at once, an XSS attempt shown as text on both sides, an oversize line refused in the person's
 * language, the rate limit, and the ended chat as a ticket the person reads (another person gets 404) and the desk
 * finds in its queue. This class alone opens chat consoles on the shared server, so "nobody online" holds in the
 * first test.
 */
@Order(6)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatIT {

    static final String XSS = "<img src=x onerror=\"document.title='pwned'\">";

    final URL base = TestServer.base();
    final Http http = new Http(base);

    @Test
    @Order(1)
    @DisplayName("nobody on the desk: the chat offers a request and says when a person answers; a line is refused in the page's language")
    void nobodyOnline() throws Exception {
        Person ann = person("en");
        WebDriver browser = Browsers.chromium();
        try {
            signIn(browser, ann, "en");
            browser.get(url("/support/chat?lang=en"));
            waitFor(browser, "chat-text");
            awaitTrue(browser, b -> b.findElement(By.id("chat-offline")).isDisplayed());
            String offline = browser.findElement(By.id("chat-offline")).getText();
            assertTrue(offline.contains("Nobody from support is online") && offline.contains("within 24 hours"), offline);
            assertTrue(browser.findElement(By.id("chat-open-request")).getAttribute("href").endsWith("/support/new.xhtml"));
            type(browser, "chat-text", "Is anyone there?");
            browser.findElement(By.id("chat-send")).click();
            awaitTrue(browser, b -> !b.findElement(By.id("chat-error")).getText().isEmpty());
            assertTrue(browser.findElement(By.id("chat-error")).getText().contains("within 24 hours"),
                    browser.findElement(By.id("chat-error")).getText());
            assertEquals("Is anyone there?", browser.findElement(By.id("chat-text")).getAttribute("value"),
                    "the refused line stays in the field");

            // "report something suspicious" beside the chat: the security report that offers the lock
            Browsers.press(browser, browser.findElement(By.id("chat-report")));
            waitFor(browser, "lock-offer");
            assertEquals("security", new Select(browser.findElement(By.id("ticket:category"))).getFirstSelectedOption()
                    .getAttribute("value"));

            try (Socket socket = Socket.open(wsUri("/ws/chat?lang=zh-CN"), origin(), cookies(browser))) {
                JsonObject presence = socket.next("presence");
                assertFalse(presence.getBoolean("online"));
                socket.send("{\"type\":\"line\",\"text\":\"有人吗？\"}");
                JsonObject error = socket.next("error");
                assertEquals("chat_offline", error.getString("code"));
                assertTrue(error.getString("text").contains("24 小时"), error.getString("text"));
            }

            // ... and performs it: the offer leads to the lock on the security page, one press stops outgoing money
            Browsers.press(browser, browser.findElement(By.id("lock-account")));
            waitFor(browser, "risk-lock:lock");
            Browsers.press(browser, browser.findElement(By.id("risk-lock:lock")));
            JsonObject lock = Http.json(http.get("/api/v1/me/lock", "Authorization", ann.bearer()));
            for (int tries = 0; tries < 20 && !lock.getBoolean("locked"); tries++) {
                Thread.sleep(250);
                lock = Http.json(http.get("/api/v1/me/lock", "Authorization", ann.bearer()));
            }
            assertTrue(lock.getBoolean("locked"), lock.toString());
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(2)
    @DisplayName("handshakes: anonymous, from another origin, and a person on the desk's socket are refused (403); the person's own is accepted")
    void handshakes() throws Exception {
        Person ben = person("en");
        WebDriver browser = Browsers.chromium();
        try {
            signIn(browser, ben, "en");
            String cookies = cookies(browser);
            assertEquals(403, refusal(wsUri("/ws/chat"), origin(), null), "anonymous");
            assertEquals(403, refusal(wsUri("/ws/chat"), origin(), "JSESSIONID=forged"), "a session that is not signed in");
            assertEquals(403, refusal(wsUri("/ws/chat"), "https://evil.example", cookies), "another site's page");
            assertEquals(403, refusal(wsUri("/ws/chat"), null, cookies), "no Origin");
            assertEquals(403, refusal(wsUri("/ws/chat-desk"), origin(), cookies), "a person is not the desk");
            try (Socket socket = Socket.open(wsUri("/ws/chat"), origin(), cookies)) {
                assertNotNull(socket.next("presence"), "the person's own handshake is accepted");
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(3)
    @DisplayName("operator and two people in browsers: lines, typing, delivery, two chats at once, XSS as text, oversize and rate limit refused, the transcript a ticket")
    void chatInBrowsers() throws Exception {
        Person desk = operator("SUPPORT");
        Person dan = person("zh-CN");
        Person eve = person("en");
        WebDriver operatorBrowser = Browsers.chromium();
        WebDriver danBrowser = null;
        WebDriver eveBrowser = null;
        try {
            signIn(operatorBrowser, desk, "en");
            Browsers.openMenu(operatorBrowser);
            Browsers.press(operatorBrowser, operatorBrowser.findElement(By.id("nav-chat-desk")));
            waitFor(operatorBrowser, "desk-queue");
            awaitTrue(operatorBrowser, b -> b.findElement(By.id("desk-queue")).getText().contains("No chats are waiting")
                    || !b.findElements(By.cssSelector("#desk-queue li")).isEmpty());

            // Dan (Chinese) writes first: the chat waits for the desk
            danBrowser = Browsers.chromium();
            signIn(danBrowser, dan, "zh-CN");
            danBrowser.get(url("/support/chat.xhtml?lang=zh-CN"));
            waitFor(danBrowser, "chat-text");
            awaitTrue(danBrowser, b -> b.findElement(By.id("chat-status")).getText().contains("客服人员在线"));
            assertFalse(danBrowser.findElement(By.id("chat-offline")).isDisplayed());
            new Select(danBrowser.findElement(By.id("chat-topic"))).selectByValue("payment");
            String first = "你好，我昨天的充值没有到账 — café crème ☕";
            type(danBrowser, "chat-text", first);
            danBrowser.findElement(By.id("chat-send")).click();
            awaitTrue(danBrowser, b -> b.findElement(By.id("chat-log")).getText().contains(first));
            awaitTrue(danBrowser, b -> b.findElement(By.id("chat-status")).getText().contains("正在等待客服人员接入"));

            // the operator sees it waiting and takes it
            String danChat = waitingChat(operatorBrowser, dan.username());
            press(operatorBrowser, "take-" + danChat);
            awaitTrue(operatorBrowser, b -> b.findElement(By.id("log-" + danChat)).getText().contains(first));
            awaitTrue(danBrowser, b -> b.findElement(By.id("chat-status")).getText().contains(desk.username()));
            awaitTrue(danBrowser, b -> "true".equals(b.findElement(By.cssSelector("#chat-log li[data-seq='1']"))
                    .getAttribute("data-delivered")));
            assertTrue(danBrowser.findElement(By.cssSelector("#chat-log li[data-seq='1']")).getText().contains("已送达"));

            // typing, both ways
            operatorBrowser.findElement(By.id("text-" + danChat)).sendKeys("Let me");
            awaitTrue(danBrowser, b -> b.findElement(By.id("chat-typing")).isDisplayed());
            assertEquals("客服正在输入…", danBrowser.findElement(By.id("chat-typing")).getText());
            operatorBrowser.findElement(By.id("text-" + danChat)).sendKeys(" check. Ça marche — 我们马上查询。");
            operatorBrowser.findElement(By.id("send-" + danChat)).click();
            awaitTrue(danBrowser, b -> b.findElement(By.id("chat-log")).getText().contains("Let me check. Ça marche — 我们马上查询。"));
            danBrowser.findElement(By.id("chat-text")).sendKeys("好的");
            awaitTrue(operatorBrowser, b -> b.findElement(By.id("typing-" + danChat)).isDisplayed());
            danBrowser.findElement(By.id("chat-send")).click();
            awaitTrue(operatorBrowser, b -> b.findElement(By.id("log-" + danChat)).getText().contains("好的"));

            // an XSS attempt is text on both sides
            type(danBrowser, "chat-text", XSS);
            danBrowser.findElement(By.id("chat-send")).click();
            awaitTrue(operatorBrowser, b -> b.findElement(By.id("log-" + danChat)).getText().contains(XSS));
            awaitTrue(danBrowser, b -> b.findElement(By.id("chat-log")).getText().contains(XSS));
            for (WebDriver b : List.of(operatorBrowser, danBrowser)) {
                assertTrue(b.findElements(By.cssSelector(".chat-log img")).isEmpty(), "no element made of the text");
                assertFalse(b.getTitle().contains("pwned"), b.getTitle());
            }

            // Eve (English) starts a second chat; the operator has both at once
            eveBrowser = Browsers.chromium();
            signIn(eveBrowser, eve, "en");
            eveBrowser.get(url("/support/chat.xhtml?lang=en"));
            waitFor(eveBrowser, "chat-text");
            awaitTrue(eveBrowser, b -> b.findElement(By.id("chat-status")).getText().contains("Someone from support is online"));
            type(eveBrowser, "chat-text", "Hi, my card top-up failed twice.");
            eveBrowser.findElement(By.id("chat-send")).click();
            String eveChat = waitingChat(operatorBrowser, eve.username());
            press(operatorBrowser, "take-" + eveChat);
            awaitTrue(operatorBrowser, b -> b.findElement(By.id("log-" + eveChat)).getText().contains("card top-up failed"));
            assertTrue(operatorBrowser.findElement(By.id("pane-" + danChat)).isDisplayed()
                    && operatorBrowser.findElement(By.id("pane-" + eveChat)).isDisplayed(), "two chats at once");
            type(operatorBrowser, "text-" + eveChat, "Which card, Eve?");
            operatorBrowser.findElement(By.id("send-" + eveChat)).click();
            awaitTrue(eveBrowser, b -> b.findElement(By.id("chat-log")).getText().contains("Which card, Eve?"));
            type(operatorBrowser, "text-" + danChat, "Dan: found it, refunded.");
            operatorBrowser.findElement(By.id("send-" + danChat)).click();
            awaitTrue(danBrowser, b -> b.findElement(By.id("chat-log")).getText().contains("Dan: found it, refunded."));
            assertFalse(eveBrowser.findElement(By.id("chat-log")).getText().contains("Dan: found it"), "each chat its own");
            assertFalse(danBrowser.findElement(By.id("chat-log")).getText().contains("Which card"), "each chat its own");
            assertFalse(operatorBrowser.findElement(By.id("log-" + eveChat)).getText().contains("好的"));

            // an oversize line: refused with the limit in Chinese, kept in the field
            String tooLong = "长".repeat(1001);
            ((JavascriptExecutor) danBrowser).executeScript("arguments[0].value = arguments[1];",
                    danBrowser.findElement(By.id("chat-text")), tooLong);
            danBrowser.findElement(By.id("chat-send")).click();
            awaitTrue(danBrowser, b -> b.findElement(By.id("chat-error")).getText().contains("每条消息最多 1,000 个字符"));
            assertEquals(tooLong, danBrowser.findElement(By.id("chat-text")).getAttribute("value"));
            assertFalse(operatorBrowser.findElement(By.id("log-" + danChat)).getText().contains("长长长"));

            // the rate limit: Eve's own socket (her browser's session) sends faster than allowed
            try (Socket socket = Socket.open(wsUri("/ws/chat?lang=en"), origin(), cookies(eveBrowser))) {
                for (int i = 0; i < 25; i++) {
                    socket.send("{\"type\":\"line\",\"text\":\"again " + i + "\"}");
                }
                JsonObject refused = socket.next("error");
                assertEquals("chat_rate_limited", refused.getString("code"));
                assertTrue(refused.getString("text").startsWith("You are sending messages very fast"), refused.toString());
            }

            // Dan ends the chat: its transcript is his ticket, the desk's pane links it
            danBrowser.findElement(By.id("chat-end")).click();
            waitVisible(danBrowser, "chat-ended");
            awaitTrue(danBrowser, b -> b.findElement(By.id("chat-ticket")).getAttribute("href").contains("tkt_"));
            String ticketUrl = danBrowser.findElement(By.id("chat-ticket")).getAttribute("href");
            String ticket = ticketUrl.substring(ticketUrl.indexOf("tkt_"));
            waitVisible(operatorBrowser, "ended-" + danChat);
            awaitTrue(operatorBrowser, b -> b.findElement(By.id("ticket-" + danChat)).getAttribute("href")
                    .contains("/support/desk-ticket.xhtml?id=" + ticket));

            danBrowser.get(ticketUrl);
            waitFor(danBrowser, "thread");
            String thread = danBrowser.findElement(By.id("thread")).getText();
            assertTrue(thread.contains(first) && thread.contains("Let me check. Ça marche — 我们马上查询。")
                    && thread.contains(XSS) && thread.contains("Dan: found it, refunded."), thread);
            assertTrue(danBrowser.findElements(By.cssSelector("#thread img")).isEmpty());
            assertFalse(danBrowser.getTitle().contains("pwned"));

            JsonObject own = Http.json(http.get("/api/v1/support/tickets/" + ticket, "Authorization", dan.bearer()));
            assertEquals("chat", own.getString("channel"));
            assertEquals("payment", own.getString("category"));
            assertEquals("resolved", own.getString("status"));
            assertTrue(own.getString("subject").startsWith("在线咨询：你好"), own.getString("subject"));
            List<String> from = own.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                    .map(m -> m.getString("from")).toList();
            assertEquals(List.of("you", "support", "you", "you", "support"), from, own.toString());
            assertEquals(404, http.get("/api/v1/support/tickets/" + ticket, "Authorization", eve.bearer()).statusCode(),
                    "another person cannot read the transcript");
            assertTrue(http.get("/api/v1/admin/support/tickets?status=resolved", "Authorization", desk.bearer()).body()
                    .contains(ticket), "the desk finds it in its queue");

            // the operator ends Eve's chat: she sees it ended
            operatorBrowser.findElement(By.id("end-" + eveChat)).click();
            waitVisible(eveBrowser, "chat-ended");
            assertTrue(eveBrowser.findElement(By.id("chat-ticket")).getAttribute("href").contains("tkt_"));

            // Dan starts again and goes quiet: nobody answered before the idle timeout, so the ticket waits in the
            // queue with the usual promise, acknowledged by e-mail
            danBrowser.get(url("/support/chat.xhtml?lang=zh-CN"));
            waitFor(danBrowser, "chat-text");
            type(danBrowser, "chat-text", "还有一个问题：手续费是多少？");
            danBrowser.findElement(By.id("chat-send")).click();
            awaitTrue(danBrowser, b -> b.findElement(By.id("chat-log")).getText().contains("手续费是多少"));
            assertEquals("1", http.post("/api/v1/test-support-desk/chat-idle/" + dan.id(), "").body());
            new WebDriverWait(danBrowser, Duration.ofSeconds(40)).until(b -> b.findElement(By.id("chat-ended")).isDisplayed());
            String idleUrl = danBrowser.findElement(By.id("chat-ticket")).getAttribute("href");
            String idleTicket = idleUrl.substring(idleUrl.indexOf("tkt_"));
            JsonObject idle = Http.json(http.get("/api/v1/support/tickets/" + idleTicket, "Authorization", dan.bearer()));
            assertEquals("open", idle.getString("status"));
            assertEquals("other", idle.getString("category"));
            assertTrue(io.okpay.it.MailCatcher.await(dan.email(), idleTicket).text().contains("24 小时"));
        } finally {
            operatorBrowser.quit();
            if (danBrowser != null) {
                danBrowser.quit();
            }
            if (eveBrowser != null) {
                eveBrowser.quit();
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    URI wsUri(String path) {
        return URI.create(url(path).replaceFirst("^http", "ws"));
    }

    String origin() {
        return base.getProtocol() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }

    static void signIn(WebDriver browser, Person person, String lang) {
        browser.get(TestServer.base().toString().replaceAll("/$", "") + "/signin.xhtml?lang=" + lang);
        Browsers.signIn(browser, person.email());
    }

    static String cookies(WebDriver browser) {
        return browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** The id of the chat waiting in the console from this person (their name in the list). */
    static String waitingChat(WebDriver console, String name) {
        String[] id = new String[1];
        awaitTrue(console, b -> {
            for (WebElement item : b.findElements(By.cssSelector("#desk-queue li[id^='wait-']"))) {
                if (item.getText().contains(name)) {
                    id[0] = item.getAttribute("id").substring("wait-".length());
                    return true;
                }
            }
            return false;
        });
        return id[0];
    }

    /** Clicks the button once it is there (the console's lists change under the pointer while chats come and go). */
    static void press(WebDriver browser, String id) {
        awaitTrue(browser, b -> {
            try {
                b.findElement(By.id(id)).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException changed) {
                return false;
            }
        });
    }

    static void waitVisible(WebDriver browser, String id) {
        awaitTrue(browser, b -> b.findElement(By.id(id)).isDisplayed());
    }

    static void awaitTrue(WebDriver browser, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not so on " + browser.getCurrentUrl() + ":\n" + text(browser), e);
        }
    }

    /** The HTTP status a refused handshake got; fails when the handshake is accepted. */
    static int refusal(URI uri, String origin, String cookies) {
        try (Socket ignored = Socket.open(uri, origin, cookies)) {
            fail("the handshake to " + uri + " was accepted (origin " + origin + ", cookies " + cookies + ")");
            return 0;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** A raw WebSocket client, as any program could open one, with the messages it received. */
    static final class Socket implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Socket open(URI uri, String origin, String cookies) {
            Socket listener = new Socket();
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10));
            if (origin != null) {
                builder.header("Origin", origin);
            }
            if (cookies != null) {
                builder.header("Cookie", cookies);
            }
            listener.socket = builder.buildAsync(uri, listener).join();
            return listener;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        /** The next message of this type (others are skipped), within 20 seconds. */
        JsonObject next(String type) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<JsonObject> skipped = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                JsonObject message = received.poll(200, TimeUnit.MILLISECONDS);
                if (message != null && type.equals(message.getString("type", ""))) {
                    return message;
                }
                if (message != null) {
                    skipped.add(message);
                }
            }
            throw new AssertionError("no " + type + " message; got " + skipped);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(jakarta.json.Json.createReader(new StringReader(partial.toString())).readObject());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }
}
