package io.okpay.webhook.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    @DisplayName("IPv4 addresses inside IPv6 (NAT64, IPv4-compatible, 6to4) are judged as the IPv4 address they carry")
    void embeddedIpv4() throws UnknownHostException {
        for (String internal : new String[]{"64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "::10.0.0.1", "2002:c0a8:101::1"}) {
            assertFalse(ReceiverAddresses.isPublic(InetAddress.getByName(internal)), internal);
        }
        for (String external : new String[]{"64:ff9b::808:808", "2002:808:808::1"}) {
            assertTrue(ReceiverAddresses.isPublic(InetAddress.getByName(external)), external);
        }
    }

    @Test
    @DisplayName("a URL whose host is an internal address is refused outside sandbox mode; in sandbox mode it is pinned")
    void literalHosts() throws IOException {
        for (String url : new String[]{"https://127.0.0.1:8443/hooks", "https://[::1]/hooks", "https://10.0.0.5/hooks"}) {
            assertThrows(ReceiverAddresses.NotPublic.class, () -> ReceiverAddresses.pin(url, false), url);
        }
        ReceiverAddresses.Receiver external = ReceiverAddresses.pin("https://93.184.216.34/hooks?x=1", false);
        assertEquals(InetAddress.getByName("93.184.216.34"), external.address());
        assertEquals(443, external.port());
        assertTrue(external.tls());

        ReceiverAddresses.Receiver local = ReceiverAddresses.pin("http://[::1]:8080/hooks", true);
        assertEquals("::1", local.host());
        assertEquals(8080, local.port());
        assertFalse(local.tls());
    }

    @Test
    @DisplayName("DNS rebinding: the name is looked up once, and the call goes to the address that was checked")
    void resolvedOnce() throws IOException {
        AtomicInteger lookups = new AtomicInteger();
        // A hostile name server: a public address for the check, loopback for whoever asks next.
        ReceiverAddresses.Resolver rebinding = host -> new InetAddress[]{InetAddress.getByName(
                lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")};

        ReceiverAddresses.Receiver pinned = ReceiverAddresses.pin("https://shop.example/hooks", false, rebinding);

        assertEquals(1, lookups.get());
        assertEquals(InetAddress.getByName("93.184.216.34"), pinned.address());
        assertEquals("shop.example", pinned.host());
    }

    @Test
    @DisplayName("a name with one internal address among public ones is refused; one that does not resolve is unknown")
    void mixedAndUnknown() {
        ReceiverAddresses.Resolver mixed = host -> new InetAddress[]{InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("169.254.169.254")};
        assertThrows(ReceiverAddresses.NotPublic.class, () -> ReceiverAddresses.pin("https://shop.example/", false, mixed));
        ReceiverAddresses.Resolver none = host -> {
            throw new UnknownHostException(host);
        };
        assertThrows(UnknownHostException.class, () -> ReceiverAddresses.pin("https://shop.example/", false, none));
        assertThrows(MalformedURLException.class, () -> ReceiverAddresses.pin("ftp://shop.example/", true));
    }
}
