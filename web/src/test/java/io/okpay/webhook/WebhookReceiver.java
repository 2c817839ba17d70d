package io.okpay.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant's webhook receiver on a free local port: {@code /hook/<name>} records every request it gets and answers
 * 500 while the name has failures left ({@link #failNext}), else 200; a name can be made slow ({@link #slowNext}).
 */
public final class WebhookReceiver implements AutoCloseable {

    static final long SLOW_MILLIS = 6000;

    public record Request(String name, Instant at, String body, String signature, String eventId, String userAgent) {
    }

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> slowLeft = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/hook/".length());
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var headers = exchange.getRequestHeaders();
            received.add(new Request(name, Instant.now(), body, headers.getFirst("OKPay-Signature"),
                    headers.getFirst("OKPay-Event-Id"), headers.getFirst("User-Agent")));
            if (slowLeft.getOrDefault(name, new AtomicInteger()).getAndDecrement() > 0) {
                pause(SLOW_MILLIS);
            }
            boolean fail = failuresLeft.getOrDefault(name, new AtomicInteger()).getAndDecrement() > 0;
            byte[] answer = (fail ? "receiver says no" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        // One thread per request: a slow receiver must not hold up the others.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The URL of a receiver with this name. */
    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + name;
    }

    /** The next {@code n} requests to this name answer only after {@link #SLOW_MILLIS}. */
    void slowNext(String name, int n) {
        slowLeft.put(name, new AtomicInteger(n));
    }

    /** The next {@code n} requests to this name answer 500. */
    void failNext(String name, int n) {
        failuresLeft.put(name, new AtomicInteger(n));
    }

    public List<Request> received(String name) {
        return received.stream().filter(r -> r.name().equals(name)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
