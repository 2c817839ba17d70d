package io.okpay.funding;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The card processor as the test server reaches it: the server's card gateway calls 127.0.0.1 on the port
 * okpay.it.card-processor.port (io.okpay.embedded.IntegrationTestServices), where this forwarding proxy in the test JVM
 * passes each call on to the server's own sandbox acquirer. Stopping it makes the processor unreachable (connection
 * refused) without changing the application's configuration. Every test that uses cards starts it and stops it.
 */
public final class AcquirerProxy implements AutoCloseable {

    /** The one port it listens on, also the name of the lock that lets one test class at a time use it. */
    public static final String PORT = "okpay.it.card-processor.port";

    private static final List<String> FORWARDED = List.of("Authorization", "Idempotency-Key", "Content-Type");

    private final HttpServer proxy;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The test server: calls go on to the same path there. */
    private final URI server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    private AcquirerProxy(URI server) throws IOException {
        this.server = server;
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.getInteger(PORT)), 0);
        proxy.createContext("/", this::forward);
        // One thread per call: a slow answer must not hold up the calls behind it, as with a real processor.
        proxy.setExecutor(executor);
        proxy.start();
    }

    /** Starts forwarding to the test server at {@code base}. */
    public static AcquirerProxy start(URL base) throws IOException {
        try {
            return new AcquirerProxy(base.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(base.toString(), e);
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(exchange.getRequestURI().getRawPath()
                            + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            for (String header : FORWARDED) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        proxy.stop(0);
        executor.shutdownNow();
    }
}
