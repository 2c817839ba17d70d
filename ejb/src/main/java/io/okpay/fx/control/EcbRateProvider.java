package io.okpay.fx.control;

import io.okpay.fx.boundary.RateTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The European Central Bank's daily reference rates, fetched over HTTP (okpay.fx.ecb-url). With the sandbox feed on
 * (okpay.sandbox.fx.enabled, io.okpay.shared.SandboxPart#FX_FEED) the same code reads the sandbox's dated snapshot in
 * the ECB's format from okpay.sandbox.fx.url instead, and the table says it is sandbox rates.
 */
@ApplicationScoped
public class EcbRateProvider implements RateProvider {

    @Inject
    @ConfigProperty(name = "okpay.fx.ecb-url")
    String url;

    @Inject
    @ConfigProperty(name = "okpay.sandbox.fx.enabled", defaultValue = "false")
    boolean sandbox;

    @Inject
    @ConfigProperty(name = "okpay.sandbox.fx.url")
    Optional<String> sandboxUrl;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    @Override
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, retryOn = IOException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 60, delayUnit = ChronoUnit.SECONDS)
    public RateTable latest() throws IOException {
        String from = sandbox ? sandboxUrl.orElseThrow(() ->
                new IOException("okpay.sandbox.fx.enabled=true needs okpay.sandbox.fx.url")) : url;
        try {
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(URI.create(from)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("ECB rates answered HTTP " + response.statusCode() + " at " + from);
                }
                return EcbReferenceRates.parse(body, sandbox ? RateTable.SANDBOX : RateTable.ECB, Instant.now());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while fetching ECB rates", e);
        }
    }
}
