package io.okpay.webhook.control;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real HTTP server on loopback, reached under a name no DNS knows: only the pinned address gets it there. */
class WebhookSenderTest {

    static final String NAME = "receiver.okpay-test.invalid";

    HttpServer server;
    final Map<String, String> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                seen.put("body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            seen.put("target", exchange.getRequestURI().toString());
            seen.put("host", exchange.getRequestHeaders().getFirst("Host"));
            seen.put("signature", exchange.getRequestHeaders().getFirst("OKPay-Signature"));
            seen.put("event", exchange.getRequestHeaders().getFirst("OKPay-Event-Id"));
            seen.put("type", exchange.getRequestHeaders().getFirst("Content-Type"));
            seen.put("agent", exchange.getRequestHeaders().getFirst("User-Agent"));
            boolean big = exchange.getRequestURI().getQuery() != null && exchange.getRequestURI().getQuery().contains("big");
            byte[] answer = (big ? "x".repeat(3000) : "thanks").getBytes(StandardCharsets.UTF_8);
            // Length 0 makes the JDK server answer chunked, the way many frameworks do.
            exchange.sendResponseHeaders(big ? 202 : 200, big ? 0 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getRequestBody().readAllBytes();
            seen.put("moved", "yes");
            exchange.getResponseHeaders().add("Location", "/hooks");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    ReceiverAddresses.Receiver pinned(String pathAndQuery, int port) {
        return new ReceiverAddresses.Receiver(URI.create("http://" + NAME + ":" + port + pathAndQuery), NAME, port, false,
                InetAddress.getLoopbackAddress());
    }

    @Test
    @DisplayName("the event goes to the pinned address, with the receiver's name as Host, the signature and the body")
    void postsToThePinnedAddress() throws Exception {
        WebhookSender.Answer answer = new WebhookSender().post(pinned("/hooks/in?shop=1", server.getAddress().getPort()),
                "{\"id\":\"evt_1\",\"note\":\"你好\"}", "evt_1", "t=1,v1=ab");

        assertEquals(200, answer.status());
        assertEquals("thanks", answer.bodySlice());
        assertEquals("/hooks/in?shop=1", seen.get("target"));
        assertEquals(NAME + ":" + server.getAddress().getPort(), seen.get("host"));
        assertEquals("{\"id\":\"evt_1\",\"note\":\"你好\"}", seen.get("body"));
        assertEquals("t=1,v1=ab", seen.get("signature"));
        assertEquals("evt_1", seen.get("event"));
        assertEquals("application/json; charset=UTF-8", seen.get("type"));
        assertEquals(WebhookSender.USER_AGENT, seen.get("agent"));
    }

    @Test
    @DisplayName("a chunked answer is decoded, and only its first 500 characters are kept")
    void chunkedAndCut() throws Exception {
        WebhookSender.Answer answer = new WebhookSender().post(pinned("/hooks?big", server.getAddress().getPort()),
                "{}", "evt_2", "t=1,v1=ab");

        assertEquals(202, answer.status());
        assertEquals("x".repeat(500), answer.bodySlice());
    }

    @Test
    @DisplayName("a redirect is the answer, not followed: the signed event goes nowhere else")
    void redirectNotFollowed() throws Exception {
        WebhookSender.Answer answer = new WebhookSender().post(pinned("/moved", server.getAddress().getPort()),
                "{}", "evt_4", "t=1,v1=ab");

        assertEquals(307, answer.status());
        assertEquals("yes", seen.get("moved"));
        assertNull(seen.get("body"), "the redirect target was never called");
    }

    @Test
    @DisplayName("the client looks up no name but the receiver's, and that one only as the checked address")
    void onlyThePinnedName() throws Exception {
        DnsResolver resolver = WebhookSender.pinned(pinned("/", 443));

        assertArrayEquals(new InetAddress[]{InetAddress.getLoopbackAddress()}, resolver.resolve("Receiver.OKPay-Test.invalid"));
        assertThrows(UnknownHostException.class, () -> resolver.resolve("localhost"));
    }

    @Test
    @DisplayName("a body that never ends is cut after its start: the connection is dropped, the rest not waited for")
    void endlessBodyNotRead() throws Exception {
        try (ServerSocket endless = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Boolean> hungUp = answer(endless,
                    "HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n" + "y".repeat(3000));
            long started = System.nanoTime();
            WebhookSender.Answer answer = new WebhookSender().post(pinned("/", endless.getLocalPort()), "{}", "evt_5", "t=1,v1=ab");

            assertEquals(200, answer.status());
            assertEquals("y".repeat(500), answer.bodySlice());
            assertTrue(System.nanoTime() - started < 5_000_000_000L, "well before the 10 s response timeout");
            assertTrue(hungUp.get(15, TimeUnit.SECONDS), "the connection is closed, not kept to read the rest");
        }
    }

    @Test
    @DisplayName("an interrupt (what the Fault Tolerance timeout does) ends a call waiting for its answer, logged as timeout")
    void interruptEndsTheCall() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Boolean> hungUp = answer(silent, "");
            AtomicReference<String> code = new AtomicReference<>();
            Thread calling = new Thread(() -> {
                try {
                    new WebhookSender().post(pinned("/", silent.getLocalPort()), "{}", "evt_6", "t=1,v1=ab");
                    code.set("answered");
                } catch (Exception e) {
                    code.set(DeliveryErrors.code(e, Thread.interrupted()));
                }
            });
            calling.start();
            Thread.sleep(500);
            calling.interrupt();
            calling.join(3000);

            assertFalse(calling.isAlive(), "still waiting for the answer after the interrupt");
            assertEquals("timeout", code.get());
            assertTrue(hungUp.get(15, TimeUnit.SECONDS));
        }
    }

    @Test
    @DisplayName("nothing listening at the pinned address is connection_refused")
    void refused() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        IOException failure = assertThrows(IOException.class,
                () -> new WebhookSender().post(pinned("/", port), "{}", "evt_7", "t=1,v1=ab"));
        assertEquals("connection_refused", DeliveryErrors.code(failure, false), failure.toString());
    }

    /** Takes one call: reads the request, writes {@code answer}, then tells whether the caller hung up within 10 s. */
    static CompletableFuture<Boolean> answer(ServerSocket socket, String answer) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket client = socket.accept()) {
                readRequest(client);
                client.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                client.setSoTimeout(10_000);
                try {
                    return client.getInputStream().read() < 0;
                } catch (SocketTimeoutException e) {
                    return false;
                } catch (SocketException e) {
                    return true; // reset: closed at once
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> new Thread(task).start());
    }

    /** The whole request (its body is "{}"): closing on unread bytes would reset the connection. */
    static void readRequest(Socket client) throws IOException {
        StringBuilder request = new StringBuilder();
        while (!request.toString().endsWith("{}")) {
            int b = client.getInputStream().read();
            if (b < 0) {
                break;
            }
            request.append((char) b);
        }
    }

    @Test
    @DisplayName("something that is not an HTTP answer is invalid_response, not a status")
    void notHttp() throws Exception {
        try (ServerSocket garbage = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket client = garbage.accept()) {
                    readRequest(client);
                    client.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the test fails on the sender's side if this never answers
                }
            });
            answering.start();
            IOException refused = assertThrows(IOException.class,
                    () -> new WebhookSender().post(pinned("/", garbage.getLocalPort()), "{}", "evt_3", "t=1,v1=ab"));
            assertEquals("invalid_response", DeliveryErrors.code(refused, false), refused.toString());
            answering.join();
        }
    }
}
