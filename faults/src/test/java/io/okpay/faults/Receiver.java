package io.okpay.faults;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A merchant's webhook receiver as a careful shop writes one: it checks OKPay-Signature on the raw body, processes
 * each event id once (a delivery of an event it already processed is acknowledged, not processed again), and keeps
 * every attempt it saw. It can be down (503 to everything) or slow (answers after OKPay's 10 s timeout, having
 * processed the event).
 */
final class Receiver implements AutoCloseable {

    enum Mode { UP, DOWN, SLOW }

    /** One request that reached the receiver. */
    record Attempt(long at, String eventId, boolean signatureValid, Mode mode, String body) {
    }

    private final HttpServer server;
    private volatile String secret;
    private volatile Mode mode = Mode.UP;
    final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    /** Event id → the body processed for it (once). */
    final Map<String, String> processed = new ConcurrentHashMap<>();
    /** Deliveries of events already processed: acknowledged, not processed again. */
    final java.util.concurrent.atomic.AtomicInteger repeats = new java.util.concurrent.atomic.AtomicInteger();
    private final long origin;

    Receiver(int port, long origin) throws IOException {
        this.origin = origin;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hooks", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            String eventId = exchange.getRequestHeaders().getFirst("OKPay-Event-Id");
            boolean valid = valid(exchange.getRequestHeaders().getFirst("OKPay-Signature"), body);
            Mode now = mode;
            attempts.add(new Attempt(System.currentTimeMillis() - origin, eventId, valid, now, body));
            int status;
            if (!valid) {
                status = 400;
            } else if (now == Mode.DOWN) {
                status = 503;
            } else {
                // Processed once per event id, whatever the number of deliveries; a repeat is only acknowledged.
                if (processed.putIfAbsent(eventId, body) != null) {
                    repeats.incrementAndGet();
                }
                if (now == Mode.SLOW) {
                    try {
                        Thread.sleep(12_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                status = 200;
            }
            try {
                exchange.sendResponseHeaders(status, -1);
            } catch (IOException gone) {
                // OKPay gave up waiting (slow mode): nothing to answer to
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>} (README, Webhooks). */
    private boolean valid(String header, String body) {
        if (header == null || secret == null) {
            return false;
        }
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1.add(part.substring(3));
            }
        }
        if (t == null || v1.isEmpty()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String candidate : v1) {
                if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(candidate))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
