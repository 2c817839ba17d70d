package io.okpay.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailCatcherTest {

    private GreenMail greenMail;
    private ServerSetup smtp;

    @BeforeEach
    void start() {
        smtp = new ServerSetup(ChildProcesses.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(smtp);
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    @Test
    void trimKeepsTheNewestMessagesOfAllMailboxes() throws Exception {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String to = (i % 3 == 0 ? "ann" : i % 3 == 1 ? "bob" : "chén") + "@example.com";
            GreenMailUtil.sendTextEmail(to, "okpay@example.com", "mail " + i, "Café " + i, smtp);
            sent.add("mail " + i);
            Thread.sleep(5); // distinct arrival times, as on a real run
        }
        assertEquals(7, MailCatcher.trim(greenMail, new MailRetention(5)));
        assertEquals(sent.subList(7, 12), subjects(greenMail.getReceivedMessages()));
        assertEquals(0, MailCatcher.trim(greenMail, new MailRetention(5)), "at the bound nothing more goes");
    }

    @Test
    void noTrimWhileWithinTheBoundAndItsTenth() throws Exception {
        for (int i = 0; i < 11; i++) {
            GreenMailUtil.sendTextEmail("ann@example.com", "okpay@example.com", "mail " + i, "body", smtp);
        }
        assertEquals(0, MailCatcher.trim(greenMail, new MailRetention(10)));
        assertEquals(11, greenMail.getReceivedMessages().length);
    }

    /** The child JVM the run command and the integration tests start: SMTP in, REST API out, and it dies when killed. */
    @Test
    void embeddedMailRunsTheCatcherInItsOwnJvm() throws Exception {
        Path log = Files.createTempFile("okpay-mail-", ".log");
        int smtpPort = ChildProcesses.freePort();
        EmbeddedMail mail = EmbeddedMail.start(smtpPort, ChildProcesses.freePort(), log);
        try {
            assertTrue(mail.answers());
            GreenMailUtil.sendTextEmail("zoe@example.com", "okpay@example.com", "Your OKPay code: 123456",
                    "Zoë, 您的验证码 123456", new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            HttpResponse<String> inbox = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(mail.apiUrl() + "/api/user/zoe@example.com/messages/INBOX")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, inbox.statusCode(), inbox.body());
            assertTrue(inbox.body().contains("Your OKPay code: 123456"), inbox.body());
            String body = Base64.getEncoder().encodeToString("Zoë, 您的验证码 123456".getBytes(StandardCharsets.UTF_8));
            assertTrue(inbox.body().contains(body), inbox.body());
            assertTrue(Files.readString(log).contains("keeping the newest " + EmbeddedMail.KEEP + " messages"));

            mail.process().destroyForcibly();
            mail.process().onExit().join();
            assertFalse(mail.answers());
            assertTrue(mail.exitDescription().startsWith("exit status "), mail.exitDescription());
        } finally {
            mail.close();
            Files.deleteIfExists(log);
        }
    }

    private static List<String> subjects(MimeMessage[] messages) {
        return Arrays.stream(messages).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
    }

    private static int number(String subject) {
        return Integer.parseInt(subject.substring(subject.indexOf(' ') + 1));
    }
}
