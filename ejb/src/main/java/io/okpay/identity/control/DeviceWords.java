package io.okpay.identity.control;

import io.okpay.shared.Messages;
import ua_parser.Client;
import ua_parser.Parser;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a sign-in or a session came from, in words a person recognises: "Chrome on Linux, this computer", "Safari on
 * iPhone, local network", "Firefox on Windows, 203.0.113.7". The browser and system come from the User-Agent header
 * (ua-parser's shared rules); the place from the address: loopback or one of this machine's own addresses is this
 * computer, private and link-local ranges are the local network, anything else is shown as the address.
 */
public final class DeviceWords {

    private static final String OTHER = "Other";
    // Phones and tablets people call by the device rather than the system ("Safari on iPhone", not "on iOS").
    private static final Set<String> NAMED_DEVICES = Set.of("iPhone", "iPad", "iPod");
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    // What InetAddress parses without asking DNS: a dotted IPv4 address, or IPv6 hex and colons (with a zone).
    private static final Pattern IP_LITERAL = Pattern.compile(OCTET + "(\\." + OCTET + "){3}|(?=[^%]*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*(%[\\w.-]+)?");

    private DeviceWords() {
    }

    /** The rules are read once (a second or two of CPU); the parser is safe to share between threads. */
    private static final class Rules {
        static final Parser PARSER = new Parser();
    }

    /** Reads the rules now rather than on first use (see {@link DeviceRulesWarmUp}). */
    static void loadRules() {
        Rules.PARSER.parseUserAgent("");
    }

    /** "Chrome on Linux, this computer": the device and the place together, in the person's language. */
    public static String describe(String userAgent, String address, Locale locale) {
        return Messages.get(locale, "security.device.where", device(userAgent, locale), place(address, locale));
    }

    /** "Chrome on Linux", "Safari on iPhone", "curl"; "Unknown device" when the header says nothing recognisable. */
    public static String device(String userAgent, Locale locale) {
        if (userAgent == null || userAgent.isBlank() || "-".equals(userAgent)) {
            return Messages.get(locale, "security.device.unknown");
        }
        Client client = Rules.PARSER.parse(userAgent);
        String browser = browser(client.userAgent.family);
        String system = NAMED_DEVICES.contains(client.device.family) ? client.device.family : system(client.os.family);
        if (browser != null && system != null) {
            return Messages.get(locale, "security.device.browser-on-system", browser, system);
        }
        if (browser != null || system != null) {
            return browser != null ? browser : system;
        }
        return Messages.get(locale, "security.device.unknown");
    }

    /** "this computer", "local network", or the address itself. */
    public static String place(String address, Locale locale) {
        InetAddress ip = literal(address);
        if (ip == null) {
            return address == null || address.isBlank() ? Messages.get(locale, "security.place.unknown") : address;
        }
        if (ip.isLoopbackAddress() || ip.isAnyLocalAddress() || ownAddress(ip)) {
            return Messages.get(locale, "security.place.this-computer");
        }
        if (ip.isSiteLocalAddress() || ip.isLinkLocalAddress() || uniqueLocal(ip)) {
            return Messages.get(locale, "security.place.local-network");
        }
        return address;
    }

    /** "Chrome" for "Chrome Mobile" and "Chrome Mobile iOS", "Safari" for "Mobile Safari"; none for an app's web view. */
    private static String browser(String family) {
        if (family == null || OTHER.equals(family) || family.contains("WebView")) {
            return null;
        }
        return family.replace(" Mobile iOS", "").replace("Mobile ", "").replace(" Mobile", "");
    }

    private static String system(String family) {
        if (family == null || OTHER.equals(family)) {
            return null;
        }
        return "Mac OS X".equals(family) ? "macOS" : family;
    }

    /** The address when the text is an IP literal; never a name, so no DNS look-up ever happens here. */
    private static InetAddress literal(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    /** An address of one of this machine's own interfaces: the browser runs where OKPay runs. */
    private static boolean ownAddress(InetAddress ip) {
        try {
            return NetworkInterface.getByInetAddress(ip) != null;
        } catch (SocketException unknown) {
            return false;
        }
    }

    /** IPv6 unique local addresses (fc00::/7), the IPv6 counterpart of 10/8 and 192.168/16. */
    private static boolean uniqueLocal(InetAddress ip) {
        byte[] bytes = ip.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
