package io.okpay.webhook.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Keeps webhooks off OKPay's own network: an endpoint pointing at an internal address (loopback, private ranges,
 * link-local cloud metadata ...) would let a merchant probe internal services. The receiver's host is resolved once
 * per attempt, right before the call; unless okpay.sandbox.webhook.local-receivers is on, every address it resolves to must be public, and the call
 * then goes to the address that was checked ({@link Receiver}), never to a second lookup: a DNS name that answers a
 * public address to the check and an internal one to the connection (DNS rebinding) reaches nothing internal.
 */
public final class ReceiverAddresses {

    /** Looks a host name up; {@code InetAddress::getAllByName} in the product. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A receiver URL with the one address the call goes to. */
    public record Receiver(URI url, String host, int port, boolean tls, InetAddress address) {
    }

    /** The receiver's host resolved to an address that is not public. */
    public static final class NotPublic extends IOException {

        NotPublic() {
            super("receiver address not public");
        }
    }

    private static final byte[] NAT64 = {0x00, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private ReceiverAddresses() {
    }

    /** Resolves the URL's host once and pins the first address; outside sandbox mode every address must be public. */
    public static Receiver pin(String url, boolean privateAllowed) throws IOException {
        return pin(url, privateAllowed, InetAddress::getAllByName);
    }

    static Receiver pin(String url, boolean privateAllowed, Resolver resolver) throws IOException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new MalformedURLException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new MalformedURLException("not an http(s) URL");
        }
        // An IPv6 literal comes bracketed; the resolver wants it bare.
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(bare);
        if (addresses.length == 0) {
            throw new UnknownHostException("no address");
        }
        if (!privateAllowed && !Arrays.stream(addresses).allMatch(ReceiverAddresses::isPublic)) {
            throw new NotPublic();
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        return new Receiver(uri, bare, port, tls, addresses[0]);
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
        // An IPv4 address inside IPv6 (NAT64 64:ff9b::/96, IPv4-compatible ::/96, 6to4 2002::/16) is judged as itself.
        int[] embedded = bytes[0] == 0x20 && bytes[1] == 0x02 ? new int[]{2, 6}
                : Arrays.equals(bytes, 0, 12, NAT64, 0, 12) || Arrays.equals(bytes, 0, 12, new byte[12], 0, 12) ? new int[]{12, 16}
                : null;
        if (embedded != null) {
            try {
                return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(bytes, embedded[0], embedded[1])));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        // IPv6 unique local addresses fc00::/7 (isSiteLocalAddress knows only the old fec0::/10).
        return (bytes[0] & 0xfe) != 0xfc;
    }
}
