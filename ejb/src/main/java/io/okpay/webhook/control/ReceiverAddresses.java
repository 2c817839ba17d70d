package io.okpay.webhook.control;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Keeps webhooks off OKPay's own network: the delivery log shows the start of every answer, so an endpoint pointing
 * at an internal address (loopback, private ranges, link-local cloud metadata ...) would let a merchant read internal
 * services. Unless okpay.sandbox.webhook.local-receivers is on, the receiver's host must resolve to public addresses
 * only; it is checked right before each call, so a DNS name changed to an internal address after the endpoint was
 * added is caught too.
 */
public final class ReceiverAddresses {

    private ReceiverAddresses() {
    }

    /** Whether every address the URL's host resolves to is public; false when it does not resolve. */
    public static boolean isPublic(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host == null) {
                return false;
            }
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(ReceiverAddresses::isPublic);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0.0.0.0/8, shared address space 100.64.0.0/10 (carrier NAT), 198.18.0.0/15 (benchmarking).
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 198 && (second & 0xfe) == 18);
        }
        // IPv6 unique local addresses fc00::/7 (isSiteLocalAddress knows only the old fec0::/10).
        return (bytes[0] & 0xfe) != 0xfc;
    }
}
