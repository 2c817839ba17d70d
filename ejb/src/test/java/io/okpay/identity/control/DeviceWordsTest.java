package io.okpay.identity.control;

import io.okpay.shared.Messages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeviceWordsTest {

    private static final Locale EN = Messages.ENGLISH;
    private static final Locale ZH = Messages.SIMPLIFIED_CHINESE;
    private static final String CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    private static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1";
    private static final String FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    @Test
    @DisplayName("browser and system from the User-Agent header, as people call them")
    void devices() {
        assertEquals("Chrome on Linux", DeviceWords.device(CHROME_LINUX, EN));
        assertEquals("Safari on iPhone", DeviceWords.device(SAFARI_IPHONE, EN));
        assertEquals("Firefox on Windows", DeviceWords.device(FIREFOX_WINDOWS, EN));
        assertEquals("Safari on macOS", DeviceWords.device("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15", EN));
        assertEquals("Chrome on Android", DeviceWords.device("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", EN));
        assertEquals("Chrome on iPad", DeviceWords.device("Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1", EN));
        assertEquals("Edge on Windows", DeviceWords.device("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", EN));
        assertEquals("iPhone", DeviceWords.device("Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40(0x1800282a) NetType/WIFI Language/zh_CN", EN),
                "an app's built-in browser is not named as Safari");
        assertEquals("curl", DeviceWords.device("curl/8.5.0", EN));
    }

    @Test
    @DisplayName("no header, or nothing recognisable, is an unknown device")
    void unknownDevices() {
        assertEquals("Unknown device", DeviceWords.device("-", EN));
        assertEquals("Unknown device", DeviceWords.device(null, EN));
        assertEquals("Unknown device", DeviceWords.device("okpay-bench/1.0", EN));
        assertEquals("未知设备", DeviceWords.device("", ZH));
    }

    @Test
    @DisplayName("loopback is this computer, private and link-local ranges the local network, anything else the address")
    void places() {
        for (String loopback : new String[]{"127.0.0.1", "127.1.2.3", "0:0:0:0:0:0:0:1", "::1", "::ffff:127.0.0.1"}) {
            assertEquals("this computer", DeviceWords.place(loopback, EN), loopback);
        }
        for (String local : new String[]{"10.0.0.5", "172.16.3.4", "172.31.255.1", "192.168.1.20", "169.254.10.1",
                "fe80:0:0:0:1:2:3:4", "fe80::1%1", "fd12:3456::1", "::ffff:192.168.0.9"}) {
            assertEquals("local network", DeviceWords.place(local, EN), local);
        }
        for (String outside : new String[]{"203.0.113.7", "172.32.0.1", "8.8.8.8", "2001:db8:0:0:0:0:0:1"}) {
            assertEquals(outside, DeviceWords.place(outside, EN));
        }
    }

    @Test
    @DisplayName("an address of this machine's own network interfaces is this computer too")
    void ownAddresses() throws Exception {
        List<InetAddress> own = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress()).toList();
        Assumptions.assumeFalse(own.isEmpty(), "this machine has no address besides loopback");
        for (InetAddress address : own) {
            assertEquals("this computer", DeviceWords.place(address.getHostAddress(), EN), address.getHostAddress());
        }
    }

    @Test
    @DisplayName("what is not an address is shown as it is, and never looked up")
    void notAddresses() {
        assertEquals("example.com", DeviceWords.place("example.com", EN));
        assertEquals("999.1.1.1", DeviceWords.place("999.1.1.1", EN));
        assertEquals("unknown place", DeviceWords.place("", EN));
        assertEquals("未知位置", DeviceWords.place(null, ZH));
    }

    @Test
    @DisplayName("device and place together, in English and in Chinese")
    void together() {
        assertEquals("Chrome on Linux, this computer", DeviceWords.describe(CHROME_LINUX, "0:0:0:0:0:0:0:1", EN));
        assertEquals("Safari on iPhone, local network", DeviceWords.describe(SAFARI_IPHONE, "192.168.1.20", EN));
        assertEquals("Firefox on Windows, 203.0.113.7", DeviceWords.describe(FIREFOX_WINDOWS, "203.0.113.7", EN));
        assertEquals("Linux 上的 Chrome，本机", DeviceWords.describe(CHROME_LINUX, "127.0.0.1", ZH));
        assertEquals("iPhone 上的 Safari，局域网", DeviceWords.describe(SAFARI_IPHONE, "10.1.2.3", ZH));
        assertEquals("未知设备，203.0.113.7", DeviceWords.describe("-", "203.0.113.7", ZH));
    }
}
