package io.okpay.shared.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address a request comes from, as throttles and the audit log count it. {@code X-Forwarded-For} is anyone's to
 * write, so it is believed only when the peer is one of {@code okpay.http.trusted-proxies} (comma-separated IP
 * addresses of the load balancers in front of OKPay; default none): then the client is the right-most address in the
 * header that is not itself a trusted proxy. Anything else is the peer.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    // Only literals are parsed: a host name in the header must never cause a DNS lookup.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    @Inject
    @ConfigProperty(name = "okpay.http.trusted-proxies")
    Optional<String> trustedProxies;

    private Set<String> trusted;

    @PostConstruct
    void readTrustedProxies() {
        trusted = parse(trustedProxies.orElse(""));
    }

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For") == null ? null
                : String.join(",", Collections.list(request.getHeaders("X-Forwarded-For"))), trusted);
    }

    /** The trusted proxies as canonical addresses; an entry that is no IP address literal stops the start. */
    static Set<String> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(entry ->
                canonical(entry).orElseThrow(() -> new IllegalArgumentException(
                        "okpay.http.trusted-proxies: not an IP address: " + entry))).collect(Collectors.toUnmodifiableSet());
    }

    static String resolve(String peer, String forwardedFor, Set<String> trusted) {
        String client = canonical(peer).orElse(peer);
        if (!trusted.contains(client) || forwardedFor == null || forwardedFor.isBlank()) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<String> hop = canonical(hops[i].trim());
            if (hop.isEmpty()) {
                // Garbage written by someone before our proxies: the last address they vouched for is all we know.
                return client;
            }
            client = hop.get();
            if (!trusted.contains(client)) {
                return client;
            }
        }
        return client;
    }

    static Optional<String> canonical(String address) {
        boolean ipv4 = address != null && IPV4.matcher(address).matches()
                && Arrays.stream(address.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        if (!ipv4 && (address == null || !IPV6.matcher(address).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
