package io.okpay.shared.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientAddressTest {

    private final Set<String> proxies = ClientAddress.parse(" 10.0.0.5, 10.0.0.6 ,::1");

    @Test
    @DisplayName("without trusted proxies (the default) X-Forwarded-For is ignored: anyone can write it")
    void headerIgnoredByDefault() {
        Set<String> none = ClientAddress.parse("");
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", "198.51.100.1", none));
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", "198.51.100.1", none));
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", "198.51.100.1", proxies),
                "a peer that is not a trusted proxy cannot name another client");
    }

    @Test
    @DisplayName("behind trusted proxies: the right-most address that is not one of them; forged entries further left do not count")
    void rightMostUntrusted() {
        assertEquals("198.51.100.7", ClientAddress.resolve("10.0.0.5", "198.51.100.7", proxies));
        assertEquals("198.51.100.7", ClientAddress.resolve("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.0.0.6", proxies),
                "1.2.3.4 was written by the client itself");
        assertEquals("2001:db8:0:0:0:0:0:1", ClientAddress.resolve("0:0:0:0:0:0:0:1", "2001:db8::1", proxies));
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", "", proxies), "no header: the proxy itself");
        assertEquals("10.0.0.6", ClientAddress.resolve("10.0.0.5", "10.0.0.6", proxies), "only proxies: the left-most");
    }

    @Test
    @DisplayName("garbage, host names and out-of-range numbers in the header are not addresses (and cause no DNS lookup)")
    void garbage() {
        for (String forged : new String[]{"北京.example", "localhost", "999.1.1.1", "<script>", "été", "1.2.3.4.5", "'; DROP"}) {
            assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", forged, proxies), forged);
        }
        assertEquals("10.0.0.6", ClientAddress.resolve("10.0.0.5", "北京.example, 10.0.0.6", proxies),
                "the last address a trusted proxy vouched for");
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.parse("proxy.internal"));
    }
}
