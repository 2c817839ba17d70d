package io.okpay.webhook.control;

import io.okpay.webhook.entity.WebhookAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs one signed event to a merchant's URL with {@link HttpClient}. Redirects are not followed: the merchant
 * configured this URL, and following a redirect would send the signed event somewhere nobody chose. Only the first
 * {@value WebhookAttempt#BODY_SLICE} characters of the answer are read, whatever the server sends.
 * <p>
 * {@code @Timeout} caps the whole call (connect, send, first bytes of the answer); the request's own timeout ends a
 * slow answer even where an interrupt is not noticed. No {@code @CircuitBreaker} here: it would be one breaker for all
 * merchants' servers; {@link EndpointBreakers} keeps one per endpoint.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "OKPay-Webhooks/1.0 (+https://github.com/okpay)";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** What the merchant's server answered: its status and the start of its body. */
    public record Answer(int status, String bodySlice) {

        public boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    @Timeout(value = 10_000)
    public Answer post(String url, String body, String eventId, String signature) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header("OKPay-Event-Id", eventId)
                .header("OKPay-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] start = in.readNBytes(WebhookAttempt.BODY_SLICE * 4);
            String text = new String(start, StandardCharsets.UTF_8);
            return new Answer(response.statusCode(),
                    text.length() > WebhookAttempt.BODY_SLICE ? text.substring(0, WebhookAttempt.BODY_SLICE) : text);
        }
    }
}
