package io.okpay.identity.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The addresses and devices each person completed a sign-in from, as this instance found them: asked before every
 * money movement (a new device or address needs a code). A yes never turns into a no while the person can move money
 * (sign-ins are kept; only an erased account loses its addresses), so nothing to invalidate, and another instance at
 * worst asks once more. At most {@link #CAPACITY} of each, then it starts over.
 */
@ApplicationScoped
public class SeenOrigins {

    static final int CAPACITY = 100_000;

    private final Set<String> ips = ConcurrentHashMap.newKeySet();
    private final Set<String> devices = ConcurrentHashMap.newKeySet();

    public boolean ip(String userId, String ip) {
        return ips.contains(userId + ' ' + ip);
    }

    public boolean device(String userId, String device) {
        return devices.contains(userId + ' ' + device);
    }

    public void rememberIp(String userId, String ip) {
        remember(ips, userId + ' ' + ip);
    }

    public void rememberDevice(String userId, String device) {
        remember(devices, userId + ' ' + device);
    }

    private static void remember(Set<String> seen, String key) {
        if (seen.size() >= CAPACITY) {
            seen.clear();
        }
        seen.add(key);
    }
}
