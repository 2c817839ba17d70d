package io.okpay.webhook.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiverAddressesTest {

    @Test
    @DisplayName("internal addresses are refused: loopback, private, link-local, carrier NAT, IPv6 unique local, unspecified")
    void internalAddresses() throws UnknownHostException {
        for (String internal : new String[]{"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "198.18.0.1", "224.0.0.1", "::1", "fe80::1", "fd12:3456::1", "::ffff:127.0.0.1"}) {
            assertFalse(ReceiverAddresses.isPublic(InetAddress.getByName(internal)), internal);
        }
        for (String external : new String[]{"93.184.216.34", "8.8.8.8", "100.128.0.1", "2606:4700::1111"}) {
            assertTrue(ReceiverAddresses.isPublic(InetAddress.getByName(external)), external);
        }
    }

    @Test
    @DisplayName("a URL whose host is an internal address is not public")
    void urls() {
        assertFalse(ReceiverAddresses.isPublic("https://127.0.0.1:8443/hooks"));
        assertFalse(ReceiverAddresses.isPublic("https://[::1]/hooks"));
        assertFalse(ReceiverAddresses.isPublic("https://10.0.0.5/hooks"));
        assertTrue(ReceiverAddresses.isPublic("https://93.184.216.34/hooks"));
    }
}
