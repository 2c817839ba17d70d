package io.okpay.support.chat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatHandshakeFilterTest {

    @Test
    @DisplayName("a handshake's Origin must be OKPay's configured address or the address the request was sent to")
    void origins() {
        String base = "https://pay.example.com/";
        assertTrue(ChatHandshakeFilter.sameOrigin("https://pay.example.com", base, "http", "10.0.0.5:8080"));
        assertTrue(ChatHandshakeFilter.sameOrigin("HTTPS://Pay.Example.com", base, "http", "10.0.0.5:8080"));
        assertTrue(ChatHandshakeFilter.sameOrigin("http://127.0.0.1:41234", base, "http", "127.0.0.1:41234"));
        assertFalse(ChatHandshakeFilter.sameOrigin("https://evil.example", base, "https", "pay.example.com"));
        assertFalse(ChatHandshakeFilter.sameOrigin("https://pay.example.com.evil.example", base, "https", "x"));
        assertFalse(ChatHandshakeFilter.sameOrigin("http://pay.example.com", base, "https", "pay.example.com"),
                "another scheme is another origin");
        assertFalse(ChatHandshakeFilter.sameOrigin(null, base, "https", "pay.example.com"));
        assertFalse(ChatHandshakeFilter.sameOrigin("null", base, "https", "pay.example.com"), "sandboxed frames");
        assertFalse(ChatHandshakeFilter.sameOrigin("", base, "https", "pay.example.com"));
    }

    @Test
    @DisplayName("the configured address's origin: scheme and host in lower case, the port only when not the default")
    void originOfBaseUrl() {
        assertEquals("https://pay.example.com", ChatHandshakeFilter.origin("https://Pay.example.com:443/okpay/"));
        assertEquals("http://localhost:8080", ChatHandshakeFilter.origin("http://localhost:8080"));
        assertEquals("", ChatHandshakeFilter.origin("not a url"));
    }
}
