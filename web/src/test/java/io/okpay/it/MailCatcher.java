package io.okpay.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what OKPay sent to the real SMTP server of the test run (GreenMail, over its REST API). Works in the test JVM
 * and inside Payara Micro: both get the API address as the system property okpay.it.mail.api.
 */
public final class MailCatcher {

    /** The subject of a one-time-code e-mail in either language ("Your OKPay code: 123456", "您的 OKPay 验证码：123456"). */
    private static final Pattern CODE_SUBJECT = Pattern.compile("(?:Your OKPay code|OKPay 验证码)\\D*(\\d{6})$");

    public record Received(String to, String subject, String text, String html) {
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private MailCatcher() {
    }

    /** Everything delivered to this address so far, oldest first. */
    public static List<Received> inbox(String address) {
        String api = System.getProperty("okpay.it.mail.api");
        if (api == null) {
            throw new IllegalStateException("okpay.it.mail.api is not set: not running under the integration-test services");
        }
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                            URI.create(api + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404 || response.statusCode() == 400) {
                return List.of();
            }
            List<Received> messages = new ArrayList<>();
            for (JsonObject json : ((JsonArray) Http.parse(response.body())).getValuesAs(JsonObject.class)) {
                messages.add(decode(address, json.getString("mimeMessage")));
            }
            return messages;
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the mail of " + address, e);
        }
    }

    /** The newest message to this address whose subject contains the given text, waiting up to 30 s for it. */
    public static Received await(String address, String subjectPart) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            List<Received> inbox = inbox(address);
            for (int i = inbox.size() - 1; i >= 0; i--) {
                if (inbox.get(i).subject().contains(subjectPart)) {
                    return inbox.get(i);
                }
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No mail to " + address + " with '" + subjectPart + "' in its subject; inbox: " + inbox(address));
    }

    /** The first URL in the text part that contains the given piece of path. */
    public static String link(Received message, String pathPart) {
        Matcher m = URL.matcher(message.text());
        while (m.find()) {
            if (m.group().contains(pathPart)) {
                return m.group();
            }
        }
        throw new AssertionError("No link with " + pathPart + " in: " + message.text());
    }

    private static Received decode(String to, String raw) throws Exception {
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        String text = "";
        String html = "";
        Object content = mime.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = part.getContent().toString();
                } else if (part.isMimeType("text/html")) {
                    html = part.getContent().toString();
                }
            }
        } else {
            text = content.toString();
        }
        return new Received(to, mime.getSubject(), text, html);
    }

    /** How many one-time-code e-mails the address has received so far. */
    public static int codeMails(String address) {
        return (int) inbox(address).stream().filter(m -> CODE_SUBJECT.matcher(m.subject()).find()).count();
    }

    /**
     * The code of the address's one-time-code e-mail number {@code before} (counting from 0), waiting up to 30 s for
     * it to arrive: call {@link #codeMails} before the action that sends it, and pass that count. The tests' one reader
     * of e-mailed codes; the code in the subject must be in the text too.
     */
    public static String nextCode(String address, int before) {
        for (int i = 0; i < 100; i++) {
            var codes = inbox(address).stream().filter(m -> CODE_SUBJECT.matcher(m.subject()).find()).toList();
            if (codes.size() > before) {
                Received mail = codes.get(before);
                Matcher code = CODE_SUBJECT.matcher(mail.subject());
                if (!code.find() || !mail.text().contains(code.group(1))) {
                    throw new AssertionError("the code of \"" + mail.subject() + "\" is not in its text: " + mail.text());
                }
                return code.group(1);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no new code e-mail to " + address);
    }
}
