package io.okpay.notification;

import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import io.okpay.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox and e-mail: delivery after commit only, retries, real SMTP in both languages. The transactions are the
 * server's own, opened and ended by a test-only resource ({@link NotificationTestSupport}) as each test asks.
 */
class NotificationIT {

    final URL base = TestServer.base();

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    @Test
    @DisplayName("an event is delivered after its transaction commits, never when it rolls back")
    void deliveredOnlyAfterCommit() throws Exception {
        String committed = "{\"probe\":\"" + UUID.randomUUID() + "\"}";
        String rolledBack = "{\"probe\":\"" + UUID.randomUUID() + "\"}";
        enqueue("commit", null, List.of(committed));
        enqueue("rollback", null, List.of(rolledBack));

        awaitProbe(Duration.ofSeconds(20), probe -> delivered(probe).contains(committed));
        Thread.sleep(2000);
        JsonObject probe = probe();
        assertFalse(attempted(probe).contains(rolledBack));
        assertTrue(delivered(probe).stream().filter(committed::equals).count() == 1, "delivered once");
    }

    @Test
    @DisplayName("a failed delivery is tried again after a back-off")
    void retried() throws Exception {
        String flaky = "{\"probe\":\"flaky-" + UUID.randomUUID() + "\"}";
        enqueue("commit", null, List.of(flaky));
        JsonObject probe = awaitProbe(Duration.ofSeconds(30), p -> delivered(p).contains(flaky));
        assertTrue(attempted(probe).stream().filter(flaky::equals).count() == 2);
    }

    @Test
    @DisplayName("urgent events (codes, links) go out ahead of a backlog of normal ones (receipts)")
    void urgentFirst() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> backlog = new ArrayList<>();
        String urgent = "{\"probe\":\"urgent-" + run + "\"}";
        for (int i = 0; i < 60; i++) {
            backlog.add("{\"probe\":\"receipt-" + i + "-" + run + "\"}");
        }
        enqueue("commit", urgent, backlog);
        JsonObject probe = awaitProbe(Duration.ofSeconds(30), p -> delivered(p).containsAll(backlog) && delivered(p).contains(urgent));
        List<String> delivered = delivered(probe);
        int urgentAt = delivered.indexOf(urgent);
        for (String receipt : backlog) {
            assertTrue(urgentAt < delivered.indexOf(receipt), "the urgent event went out after " + receipt);
        }
    }

    @Test
    @DisplayName("the outbox refuses to write outside a transaction")
    void needsTransaction() {
        HttpResponse<String> thrown = http.post("/api/v1/test-notification/outbox/outside-transaction", "");
        assertEquals(200, thrown.statusCode(), thrown.body());
        assertEquals("\"jakarta.ejb.EJBTransactionRequiredException\"", thrown.body());
    }

    @Test
    @DisplayName("an e-mail leaves over SMTP in the recipient's language, as text and HTML, signed with the configured operator")
    void mailInChinese() {
        String to = "mail-" + UUID.randomUUID() + "@example.com";
        send(to, "zh-CN");
        MailCatcher.Received received = MailCatcher.await(to, "OKPay 测试邮件");
        assertTrue(received.text().contains("这是来自 https://okpay.example/ 的 OKPay 测试邮件"), received.text());
        assertTrue(received.html().contains("<a href=\"https://okpay.example/\""), received.html());
        assertTrue(received.html().contains("lang=\"zh-CN\""));
        assertTrue(MailCatcher.link(received, "okpay.example").startsWith("https://okpay.example/"));
        // Every mail names the operator configured in arquillian.xml, in the mail's language, in both parts.
        String operator = "OKPay 由 Teapot-Payments-Ltd（12-Harbour-Road-Leith）运营。牌照：EMI-licence-900123。客服邮箱：help@teapot-payments.example";
        assertTrue(received.text().strip().endsWith(operator), received.text());
        assertTrue(received.html().contains(operator), received.html());

        String english = "mail-" + UUID.randomUUID() + "@example.com";
        send(english, "en");
        MailCatcher.Received inEnglish = MailCatcher.await(english, "OKPay test message");
        assertTrue(inEnglish.text().contains("the mail settings work"));
        assertTrue(inEnglish.text().contains("OKPay is run by Teapot-Payments-Ltd, 12-Harbour-Road-Leith. Licence: EMI-licence-900123."
                + " Support: help@teapot-payments.example"), inEnglish.text());
    }

    private void enqueue(String outcome, String urgent, List<String> payloads) {
        HttpResponse<String> response = http.post("/api/v1/test-notification/outbox?outcome=" + outcome
                        + (urgent == null ? "" : "&urgent=" + URLEncoder.encode(urgent, StandardCharsets.UTF_8)),
                Json.createArrayBuilder(payloads).build().toString());
        assertEquals(204, response.statusCode(), response.body());
    }

    private void send(String to, String lang) {
        HttpResponse<String> response = http.post("/api/v1/test-notification/mail?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8)
                + "&lang=" + lang + "&link=" + URLEncoder.encode("https://okpay.example/", StandardCharsets.UTF_8), "");
        assertEquals(204, response.statusCode(), response.body());
    }

    private JsonObject probe() {
        HttpResponse<String> response = http.get("/api/v1/test-notification/probe");
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private static List<String> attempted(JsonObject probe) {
        return strings(probe.getJsonArray("attempted"));
    }

    private static List<String> delivered(JsonObject probe) {
        return strings(probe.getJsonArray("delivered"));
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private JsonObject awaitProbe(Duration timeout, Predicate<JsonObject> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject probe = probe();
        while (!condition.test(probe)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout + ": " + probe);
            }
            Thread.sleep(200);
            probe = probe();
        }
        return probe;
    }
}
