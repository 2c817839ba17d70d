package io.okpay.support;

import io.okpay.it.Browsers;
import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import io.okpay.it.People;
import io.okpay.it.People.Person;
import io.okpay.it.TestServer;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.okpay.it.Browsers.click;
import static io.okpay.it.Browsers.text;
import static io.okpay.it.Browsers.type;
import static io.okpay.it.Browsers.waitFor;
import static io.okpay.it.MailCatcher.codeMails;
import static io.okpay.it.MailCatcher.nextCode;
import static io.okpay.it.People.PASSWORD;
import static io.okpay.it.People.fund;
import static io.okpay.it.People.operator;
import static io.okpay.it.People.person;
import static io.okpay.it.ProblemAssertions.assertFieldError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The support desk, black box: tickets through the API (JSON and multipart with files), the acknowledgement e-mail,
 * who may see what (404 for another person, 401 anonymous, 403 for people on the desk's API); in two browsers a person
 * opens a request with a file, the desk replies on its pages, the person gets the e-mail, answers BY E-MAIL (SMTP to
 * the support address, read back over IMAP) and the thread shows it; an overdue ticket in the queue and /metrics;
 * rating; the contact page.
 */
@Order(6)
class SupportIT {

    static final String SUPPORT_ADDRESS = "help@teapot-payments.example";
    static final byte[] PNG = pngBytes();

    final URL base = TestServer.base();
    Http http;

    static Person desk;

    @BeforeEach
    void client() {
        http = new Http(base);
        synchronized (SupportIT.class) {
            if (desk == null) {
                desk = operator("SUPPORT");
            }
        }
    }

    @Test
    @DisplayName("API: a ticket in Chinese with one of the person's transactions, acknowledged by e-mail; files by content type; field errors")
    void apiTickets() {
        Person ann = person("zh-CN");
        String txn = fund(ann, "EUR", "20.00");
        HttpResponse<String> created = http.post("/api/v1/support/tickets", """
                {"category":"payment","subject":"充值没有到账","message":"我昨天充值了 20 欧元，\\n但余额没有变化。","transaction_id":"%s"}"""
                .formatted(txn), "Authorization", ann.bearer());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject ticket = Http.json(created);
        String id = ticket.getString("id");
        assertTrue(id.startsWith("tkt_"), id);
        assertEquals("充值没有到账", ticket.getString("subject"));
        assertEquals("open", ticket.getString("status"));
        assertEquals(txn, ticket.getString("transaction_id"));
        assertEquals("我昨天充值了 20 欧元，\n但余额没有变化。", ticket.getJsonArray("messages").getJsonObject(0).getString("body"));
        assertFalse(ticket.getBoolean("overdue"));
        Instant due = Instant.parse(ticket.getString("first_reply_due_at"));
        Instant opened = Instant.parse(ticket.getString("created"));
        assertEquals(24 * 3600, due.getEpochSecond() - opened.getEpochSecond(), "the first answer is due 24 hours later");

        MailCatcher.Received ack = MailCatcher.await(ann.email(), id);
        assertTrue(ack.subject().contains("我们已收到您的请求") && ack.subject().contains("充值没有到账"), ack.subject());
        assertTrue(ack.text().contains("24 小时") && ack.text().contains(SUPPORT_ADDRESS)
                && ack.text().contains("/support/ticket.xhtml?id=" + id), ack.text());

        // multipart with two files: a text file (Chinese) and a PNG; a file of another type is refused
        String note = "交易截图说明：周五 ☕";
        HttpResponse<String> withFiles = multipart("/api/v1/support/tickets", ann, List.of(
                new Part("category", null, "account".getBytes(StandardCharsets.UTF_8)),
                new Part("subject", null, "Cannot sign in".getBytes(StandardCharsets.UTF_8)),
                new Part("message", null, "See the files, please.".getBytes(StandardCharsets.UTF_8)),
                new Part("attachments", "note.exe", note.getBytes(StandardCharsets.UTF_8)),
                new Part("attachments", "screen.png", PNG)));
        assertEquals(201, withFiles.statusCode(), withFiles.body());
        JsonObject second = Http.json(withFiles);
        var files = second.getJsonArray("messages").getJsonObject(0).getJsonArray("attachments");
        assertEquals(2, files.size(), second.toString());
        assertEquals("text/plain", files.getJsonObject(0).getString("content_type"));
        assertEquals("note.txt", files.getJsonObject(0).getString("file_name"), "the name follows the content");
        assertEquals("image/png", files.getJsonObject(1).getString("content_type"));
        String textFile = "/api/v1/support/tickets/" + second.getString("id") + "/attachments/" + files.getJsonObject(0).getString("id");
        HttpResponse<String> download = http.get(textFile, "Authorization", ann.bearer());
        assertEquals(200, download.statusCode());
        assertEquals(note, download.body());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));

        HttpResponse<String> refused = multipart("/api/v1/support/tickets", ann, List.of(
                new Part("category", null, "other".getBytes(StandardCharsets.UTF_8)),
                new Part("subject", null, "x".getBytes(StandardCharsets.UTF_8)),
                new Part("message", null, "y".getBytes(StandardCharsets.UTF_8)),
                new Part("attachments", "tool.png", new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0})));
        assertFieldError(refused, "attachments", "attachment_type_refused");

        Person bob = person("en");
        String bobs = fund(bob, "EUR", "5.00");
        assertFieldError(http.post("/api/v1/support/tickets", """
                {"category":"payment","subject":"s","message":"m","transaction_id":"%s"}""".formatted(bobs),
                "Authorization", ann.bearer()), "transaction_id", "transaction_unknown");
        assertFieldError(http.post("/api/v1/support/tickets", """
                {"category":"billing","subject":"s","message":"m"}""", "Authorization", ann.bearer()), "category", "category_invalid");
        assertFieldError(http.post("/api/v1/support/tickets", """
                {"category":"other","subject":"   ","message":"m"}""", "Authorization", ann.bearer()), "subject", "subject_invalid");

        JsonObject list = Http.json(http.get("/api/v1/support/tickets", "Authorization", ann.bearer()));
        assertEquals(2, list.getJsonArray("data").size(), list.toString());
        assertEquals(0, Http.json(http.get("/api/v1/support/tickets", "Authorization", bob.bearer())).getJsonArray("data").size());
    }

    @Test
    @DisplayName("another person gets 404 and an anonymous caller 401 on tickets, messages and attachments; people get 403 on the desk's API")
    void access() {
        Person ann = person("en");
        HttpResponse<String> created = multipart("/api/v1/support/tickets", ann, List.of(
                new Part("category", null, "security".getBytes(StandardCharsets.UTF_8)),
                new Part("subject", null, "Strange login".getBytes(StandardCharsets.UTF_8)),
                new Part("message", null, "Not me.".getBytes(StandardCharsets.UTF_8)),
                new Part("attachments", "a.png", PNG)));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject ticket = Http.json(created);
        assertEquals("high", ticket.getString("priority"), "a security report is a priority ticket");
        String id = ticket.getString("id");
        String attachment = "/api/v1/support/tickets/" + id + "/attachments/"
                + ticket.getJsonArray("messages").getJsonObject(0).getJsonArray("attachments").getJsonObject(0).getString("id");
        assertEquals(200, http.get(attachment, "Authorization", ann.bearer()).statusCode());

        Person eve = person("en");
        assertEquals(404, http.get("/api/v1/support/tickets/" + id, "Authorization", eve.bearer()).statusCode());
        assertEquals(404, http.post("/api/v1/support/tickets/" + id + "/messages", "{\"message\":\"hi\"}",
                "Authorization", eve.bearer()).statusCode());
        assertEquals(404, http.get(attachment, "Authorization", eve.bearer()).statusCode());
        assertEquals(404, http.post("/api/v1/support/tickets/" + id + "/rating", "{\"rating\":1}",
                "Authorization", eve.bearer()).statusCode());

        assertEquals(401, http.get("/api/v1/support/tickets").statusCode());
        assertEquals(401, http.get("/api/v1/support/tickets/" + id).statusCode());
        assertEquals(401, http.post("/api/v1/support/tickets/" + id + "/messages", "{\"message\":\"hi\"}").statusCode());
        assertEquals(401, http.get(attachment).statusCode());
        assertEquals(401, http.post("/api/v1/support/tickets", "{}").statusCode());

        assertEquals(403, http.get("/api/v1/admin/support/tickets", "Authorization", ann.bearer()).statusCode());
        assertEquals(401, http.get("/api/v1/admin/support/tickets").statusCode());

        // COMPLIANCE sees the security report, not the other tickets
        Person compliance = operator("COMPLIANCE");
        String normal = Http.json(http.post("/api/v1/support/tickets", """
                {"category":"account","subject":"Address","message":"Change it"}""", "Authorization", ann.bearer())).getString("id");
        assertEquals(200, http.get("/api/v1/admin/support/tickets/" + id, "Authorization", compliance.bearer()).statusCode());
        assertEquals(404, http.get("/api/v1/admin/support/tickets/" + normal, "Authorization", compliance.bearer()).statusCode());
        String queue = http.get("/api/v1/admin/support/tickets", "Authorization", compliance.bearer()).body();
        assertTrue(queue.contains(id) && !queue.contains(normal), queue);
    }

    @Test
    @DisplayName("an overdue ticket tops the queue and is counted in /metrics; answered, it is no longer overdue; rating after resolution")
    void overdueAndRating() {
        Person cat = person("en");
        String id = Http.json(http.post("/api/v1/support/tickets", """
                {"category":"other","subject":"Where is my money","message":"Please help"}""", "Authorization", cat.bearer()))
                .getString("id");
        assertFalse(overdueQueue().contains(id));
        assertEquals("1", http.post("/api/v1/test-support-desk/overdue/" + id, "").body());

        JsonObject queue = Http.json(http.get("/api/v1/admin/support/tickets?overdue=true", "Authorization", desk.bearer()));
        assertTrue(queue.toString().contains(id), queue.toString());
        assertTrue(queue.getJsonArray("data").getValuesAs(JsonObject.class).stream().allMatch(t -> t.getBoolean("overdue")));
        JsonObject all = Http.json(http.get("/api/v1/admin/support/tickets?status=open", "Authorization", desk.bearer()));
        assertTrue(all.getJsonArray("data").getJsonObject(0).getBoolean("overdue"), "overdue tickets come first: " + all);
        assertTrue(all.getJsonObject("stats").getInt("overdue") >= 1, all.getJsonObject("stats").toString());
        assertTrue(overdueMetric() >= 1, "okpay_support_tickets_overdue counts it");
        assertTrue(Http.json(http.get("/api/v1/support/tickets/" + id, "Authorization", cat.bearer())).getBoolean("overdue"));

        assertEquals(409, http.post("/api/v1/support/tickets/" + id + "/rating", "{\"rating\":5}",
                "Authorization", cat.bearer()).statusCode(), "no rating before the ticket is resolved");
        HttpResponse<String> replied = http.post("/api/v1/admin/support/tickets/" + id + "/replies",
                "{\"message\":\"We found it.\"}", "Authorization", desk.bearer());
        assertEquals(201, replied.statusCode(), replied.body());
        assertEquals("waiting_on_customer", Http.json(replied).getString("status"));
        assertFalse(overdueQueue().contains(id));
        assertEquals("resolved", Http.json(http.post("/api/v1/admin/support/tickets/" + id + "/status",
                "{\"status\":\"resolved\"}", "Authorization", desk.bearer())).getString("status"));
        assertFieldError(http.post("/api/v1/support/tickets/" + id + "/rating", "{\"rating\":9}", "Authorization", cat.bearer()),
                "rating", "rating_invalid");
        HttpResponse<String> rated = http.post("/api/v1/support/tickets/" + id + "/rating", "{\"rating\":4,\"comment\":\"快，谢谢\"}",
                "Authorization", cat.bearer());
        assertEquals(200, rated.statusCode(), rated.body());
        assertEquals(4, Http.json(rated).getInt("rating"));
        JsonObject stats = Http.json(http.get("/api/v1/admin/support/tickets", "Authorization", desk.bearer())).getJsonObject("stats");
        assertTrue(stats.getInt("rated") >= 1 && stats.containsKey("average_rating")
                && stats.containsKey("average_first_reply_minutes"), stats.toString());
        // a message after the resolution opens the ticket again
        assertEquals(201, http.post("/api/v1/support/tickets/" + id + "/messages", "{\"message\":\"One more thing\"}",
                "Authorization", cat.bearer()).statusCode());
        assertEquals("open", Http.json(http.get("/api/v1/support/tickets/" + id, "Authorization", cat.bearer())).getString("status"));
    }

    @Test
    @DisplayName("in browsers: a person (Chinese) opens a request with a file, the desk notes and replies on its pages, the person gets the e-mail, answers by e-mail, and the thread shows it")
    void browserJourney() throws Exception {
        Person dan = person("zh-CN");
        String txn = fund(dan, "EUR", "30.00");
        Path screenshot = Files.createTempFile("screen", ".png");
        Files.write(screenshot, PNG);
        String subject = "付款被扣了两次 " + UUID.randomUUID().toString().substring(0, 6);
        WebDriver person = Browsers.chromium();
        WebDriver operatorBrowser = null;
        try {
            person.get(url("/signin.xhtml?lang=zh-CN"));
            Browsers.signIn(person, dan.email());

            // "report something suspicious" on the transaction page offers the lock
            person.get(url("/wallet/transaction.xhtml?id=" + txn));
            waitFor(person, "report-suspicious");
            click(person, "report-suspicious");
            waitFor(person, "lock-offer");
            assertTrue(person.findElement(By.id("lock-account")).getAttribute("href").contains("/identity/security.xhtml#lock"));
            assertEquals("security", new Select(person.findElement(By.id("ticket:category"))).getFirstSelectedOption().getAttribute("value"));
            assertEquals(txn, new Select(person.findElement(By.id("ticket:transaction"))).getFirstSelectedOption().getAttribute("value"));

            person.get(url("/support/new.xhtml"));
            waitFor(person, "ticket:send");
            click(person, "ticket:send");
            waitFor(person, "ticket:subject-error");
            assertTrue(text(person).contains("请输入标题"), text(person));

            new Select(person.findElement(By.id("ticket:category"))).selectByValue("payment");
            type(person, "ticket:subject", subject);
            type(person, "ticket:message", "同一笔订单扣了两次款。\n请帮忙退一笔。");
            new Select(person.findElement(By.id("ticket:transaction"))).selectByValue(txn);
            person.findElement(By.id("ticket:file")).sendKeys(screenshot.toString());
            click(person, "ticket:send");
            waitFor(person, "number");
            String id = person.findElement(By.id("number")).getText();
            assertTrue(id.startsWith("tkt_") && text(person).contains(subject) && text(person).contains("请帮忙退一笔"), text(person));
            assertTrue(person.findElements(By.cssSelector("#thread a[id^=attachment-]")).size() == 1, text(person));
            MailCatcher.await(dan.email(), id);

            operatorBrowser = Browsers.chromium();
            operatorBrowser.get(url("/signin.xhtml?lang=en"));
            Browsers.signIn(operatorBrowser, desk.email());
            operatorBrowser.get(url("/support/queue.xhtml"));
            waitFor(operatorBrowser, "queue-" + id);
            Browsers.press(operatorBrowser, operatorBrowser.findElement(By.cssSelector("#queue-" + id + " a")));
            waitFor(operatorBrowser, "reply:text");
            assertTrue(text(operatorBrowser).contains("同一笔订单扣了两次款") && text(operatorBrowser).contains(txn), text(operatorBrowser));
            assertEquals(1, operatorBrowser.findElements(By.cssSelector("#thread a[id^=attachment-]")).size());
            type(operatorBrowser, "note:text", "内部：核对收单记录 internal-only");
            click(operatorBrowser, "note:send");
            waitFor(operatorBrowser, "reply:text");
            type(operatorBrowser, "reply:text", "您好，我们已核实，多扣的 30 欧元会在 3 天内退回。");
            click(operatorBrowser, "reply:send");
            waitFor(operatorBrowser, "reply:text");
            assertTrue(text(operatorBrowser).contains("Your reply was sent"), text(operatorBrowser));
            assertTrue(text(operatorBrowser).contains("internal-only"), text(operatorBrowser));

            MailCatcher.Received answer = MailCatcher.await(dan.email(), "您的请求已有回复");
            assertTrue(answer.subject().contains(id), answer.subject());
            assertTrue(answer.text().contains("多扣的 30 欧元会在 3 天内退回") && !answer.text().contains("internal-only"), answer.text());

            // the person answers by e-mail, to the support address, quoting the desk's mail
            sendMail(dan.email(), SUPPORT_ADDRESS, "Re: " + answer.subject(),
                    "谢谢！请问退款会退到银行卡还是余额？\n\n> " + answer.text().replace("\n", "\n> "));
            JsonObject thread = awaitMessages(dan, id, 3);
            JsonObject byMail = thread.getJsonArray("messages").getJsonObject(2);
            assertEquals("email", byMail.getString("channel"));
            assertEquals("谢谢！请问退款会退到银行卡还是余额？", byMail.getString("body"), "the quoted mail is left out");
            assertEquals("open", thread.getString("status"), "the answer opens the ticket again");
            assertFalse(thread.toString().contains("internal-only"), "notes never reach the person");

            person.get(url("/support/ticket.xhtml?id=" + id));
            waitFor(person, "thread");
            String page = text(person);
            assertTrue(page.contains("多扣的 30 欧元会在 3 天内退回") && page.contains("请问退款会退到银行卡还是余额")
                    && !page.contains("internal-only"), page);
            person.get(url("/support/tickets.xhtml"));
            waitFor(person, "row-" + id);

            // the same ticket is not the desk's page for a person, nor another person's
            person.get(url("/support/queue.xhtml"));
            assertFalse(person.getPageSource().contains("queue-" + id), "people are not the desk");
        } finally {
            person.quit();
            if (operatorBrowser != null) {
                operatorBrowser.quit();
            }
            Files.deleteIfExists(screenshot);
        }
    }

    @Test
    @DisplayName("an e-mail from someone to the support address becomes a ticket, acknowledged in their language")
    void mailBecomesTicket() {
        Person eva = person("en");
        String subject = "Lost my phone " + UUID.randomUUID().toString().substring(0, 8);
        sendMail(eva.email(), SUPPORT_ADDRESS, subject, "I lost my phone with the authenticator app.");
        MailCatcher.Received ack = MailCatcher.await(eva.email(), subject);
        assertTrue(ack.subject().contains("We received your request"), ack.subject());
        Matcher number = Pattern.compile("tkt_[0-9a-z]{20}").matcher(ack.subject());
        assertTrue(number.find(), ack.subject());
        JsonObject ticket = Http.json(http.get("/api/v1/support/tickets/" + number.group(), "Authorization", eva.bearer()));
        assertEquals("email", ticket.getString("channel"));
        assertEquals("I lost my phone with the authenticator app.",
                ticket.getJsonArray("messages").getJsonObject(0).getString("body"));
    }

    @Test
    @DisplayName("the contact page: the support address with the 24-hour promise, social channels, report something suspicious; linked from every footer")
    void contactPage() {
        HttpResponse<String> en = http.get("/support/contact.xhtml?lang=en");
        assertEquals(200, en.statusCode());
        assertTrue(en.body().contains("mailto:" + SUPPORT_ADDRESS) && en.body().contains("within 24 hours")
                && en.body().contains("https://weixin.qq.com/okpay-sample") && en.body().contains(">WeChat<")
                && en.body().contains("/support/new.xhtml?category=security"), en.body());
        HttpResponse<String> zh = http.get("/support/contact.xhtml?lang=zh-CN");
        assertTrue(zh.body().contains("24 小时内") && zh.body().contains("举报可疑情况"), zh.body());
        assertTrue(http.get("/?lang=en").body().contains("/support/contact.xhtml"), "the footer links the contact page");
        HttpResponse<String> anonymous = http.get("/support/new.xhtml");
        assertTrue(anonymous.statusCode() != 200 && !anonymous.body().contains("ticket:send"), "requests need a signed-in person");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    String overdueQueue() {
        return http.get("/api/v1/admin/support/tickets?overdue=true", "Authorization", desk.bearer()).body();
    }

    long overdueMetric() {
        String metrics = http.get("/metrics", "Accept", "text/plain").body();
        Matcher m = Pattern.compile("(?m)^okpay_support_tickets_overdue(\\{[^}]*})?\\s+([0-9.Ee+-]+)").matcher(metrics);
        assertTrue(m.find(), "no okpay_support_tickets_overdue in /metrics");
        return (long) Double.parseDouble(m.group(2));
    }

    JsonObject awaitMessages(Person person, String id, int count) throws InterruptedException {
        JsonObject thread = null;
        for (int i = 0; i < 100; i++) {
            thread = Http.json(http.get("/api/v1/support/tickets/" + id, "Authorization", person.bearer()));
            if (thread.getJsonArray("messages").size() >= count) {
                return thread;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the e-mail did not reach the ticket: " + thread);
    }

    static void sendMail(String from, String to, String subject, String text) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", System.getProperty("okpay.it.smtp.port"));
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            Transport.send(message);
        } catch (Exception e) {
            throw new IllegalStateException("could not send the test e-mail", e);
        }
    }

    record Part(String name, String fileName, byte[] content) {
    }

    HttpResponse<String> multipart(String path, Person person, List<Part> parts) {
        String boundary = "----okpay" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"\r\nContent-Type: application/octet-stream")
                    + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "Authorization", person.bearer());
    }

    static byte[] pngBytes() {
        byte[] png = new byte[64];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, png, 0, magic.length);
        for (int i = magic.length; i < png.length; i++) {
            png[i] = (byte) (i * 7);
        }
        return png;
    }
}
