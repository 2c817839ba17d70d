package io.okpay.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail catcher's REST API (GreenMail: {@code GET /api/user/<address>/messages/INBOX}, each message's raw
 * "mimeMessage"). OKPay's English mail is ASCII, sent quoted-printable or 7-bit, so undoing soft line breaks and
 * {@code =3D} in the parts sent quoted-printable is all the MIME decoding needed to find a link or a code.
 */
public final class MailBox {

    private static final Pattern VERIFY_TOKEN = Pattern.compile("verify\\.xhtml\\?token=([A-Za-z0-9_\\-]+)");
    private static final Pattern MIME_BOUNDARY = Pattern.compile("\r?\n--");
    private static final Pattern CODE_SUBJECT = Pattern.compile("(?m)^Subject: Your OKPay code: (\\d{6})");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public MailBox(String base) {
        this.base = base;
    }

    /** Raw messages to the address, oldest first, with quoted-printable undone. */
    public List<String> messages(String address) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/user/"
                        + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return List.of();
        }
        List<String> raw = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            if (reader.readValue() instanceof JsonArray array) {
                for (JsonObject message : array.getValuesAs(JsonObject.class)) {
                    raw.add(unquote(message.getString("mimeMessage", "")));
                }
            }
        } catch (JsonException e) {
            // Not GreenMail's list: no messages.
        }
        return raw;
    }

    /** Empties the mail catcher (GreenMail's {@code POST /api/mail/purge}); says what happened. */
    public String purge() {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/mail/purge"))
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? "emptied" : "not emptied (HTTP " + response.statusCode() + ")";
        } catch (IOException e) {
            return "not emptied (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not emptied (interrupted)";
        }
    }

    public String verificationToken(String address) throws IOException, InterruptedException {
        return await(address, 0, m -> VERIFY_TOKEN.matcher(m).find(), VERIFY_TOKEN);
    }

    public int codeCount(String address) throws IOException, InterruptedException {
        return (int) messages(address).stream().filter(m -> CODE_SUBJECT.matcher(m).find()).count();
    }

    /** The code in the first one-time-code mail after the {@code seen} ones already there. */
    public String nextCode(String address, int seen) throws IOException, InterruptedException {
        return await(address, seen, m -> CODE_SUBJECT.matcher(m).find(), CODE_SUBJECT);
    }

    private String await(String address, int skip, Predicate<String> wanted, Pattern value)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            List<String> matching = messages(address).stream().filter(wanted).toList();
            if (matching.size() > skip) {
                Matcher m = value.matcher(matching.get(skip));
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no mail matching " + value + " to " + address + " within 120 s (is the outbox behind?)");
    }

    /**
     * Undoes quoted-printable in the parts that declare it and leaves the others alone: a 7-bit part is already plain
     * text, and "=3D" in it is text (a random token may well start with "3D").
     */
    static String unquote(String raw) {
        StringBuilder plain = new StringBuilder(raw.length());
        for (String part : MIME_BOUNDARY.split(raw, -1)) {
            if (plain.length() > 0) {
                plain.append("\n--");
            }
            boolean quoted = part.toLowerCase(java.util.Locale.ROOT).contains("content-transfer-encoding: quoted-printable");
            plain.append(quoted ? part.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=") : part);
        }
        return plain.toString();
    }
}
