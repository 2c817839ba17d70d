package io.okpay.webhook.control;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            boolean big = exchange.getRequestURI().getQuery() != null && exchange.getRequestURI().getQuery().contains("big");
            byte[] answer = (big ? "x".repeat(3000) : "thanks").getBytes(StandardCharsets.UTF_8);
            // Length 0 makes the JDK server answer chunked, the way many frameworks do.
            exchange.sendResponseHeaders(big ? 202 : 200, big ? 0 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
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
        assertEquals("application/json; charset=utf-8", seen.get("type"));
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
    @DisplayName("something that is not an HTTP answer is a protocol error, not a status")
    void notHttp() throws Exception {
        try (ServerSocket garbage = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket client = garbage.accept()) {
                    // The whole request first: closing on unread bytes would reset the connection.
                    StringBuilder request = new StringBuilder();
                    while (!request.toString().endsWith("{}")) {
                        int b = client.getInputStream().read();
                        if (b < 0) {
                            break;
                        }
                        request.append((char) b);
                    }
                    client.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the test fails on the sender's side if this never answers
                }
            });
            answering.start();
            ProtocolException refused = assertThrows(ProtocolException.class,
                    () -> new WebhookSender().post(pinned("/", garbage.getLocalPort()), "{}", "evt_3", "t=1,v1=ab"));
            assertTrue(refused.getMessage().contains("HTTP"), refused.getMessage());
            answering.join();
        }
    }
}
