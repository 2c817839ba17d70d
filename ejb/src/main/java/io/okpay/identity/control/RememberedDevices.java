package io.okpay.identity.control;

import io.okpay.identity.entity.RememberedDevice;
import io.okpay.identity.entity.User;
import io.okpay.shared.crypto.MasterKey;
import io.okpay.shared.crypto.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The devices that may sign in without a code while their person asks for codes only on a new device. A device
 * carries {@code <token>.<signature>}: 256 random bits and their HMAC-SHA256 under a key derived from the master key
 * (label {@value #LABEL}), so a value OKPay did not make is refused before the database is asked. The table keeps
 * only the SHA-256 of the token, with the device's 30 days ({@code okpay.sign-in.remember-device-days}); forgetting a
 * device (all of a person's at once) is a matter of that row.
 */
@ApplicationScoped
public class RememberedDevices {

    static final String LABEL = "remembered-device";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    @ConfigProperty(name = "okpay.sign-in.remember-device-days", defaultValue = "30")
    int days;

    /** How long a remembered device stays so (the cookie's max age). */
    public Duration lifetime() {
        return Duration.ofDays(days);
    }

    /** Remembers a device that just answered a code; returns the signed value it keeps, shown this once. */
    public String remember(User user, String ip, String device, Instant now) {
        String token = Secrets.token();
        em.persist(new RememberedDevice(user, Secrets.sha256(token), ip, device, now, now.plus(lifetime())));
        return token + "." + masterKey.hmac(LABEL, token);
    }

    /** Whether the signed value is one OKPay gave this person's device, not forgotten and within its days. */
    public boolean recognises(User user, String signed, Instant now) {
        String token = verified(signed);
        if (token == null) {
            return false;
        }
        return em.createNamedQuery(RememberedDevice.BY_HASH, RememberedDevice.class)
                .setParameter("hash", Secrets.sha256(token)).getResultStream().findFirst()
                .filter(d -> d.user().id().equals(user.id()) && d.valid(now)).isPresent();
    }

    /** Forgets every device of the person: the next sign-in on each asks for a code again. */
    public int forgetAll(User user, Instant now) {
        // Read first, then update by primary key: an UPDATE by person would also lock the gaps in the person index,
        // where other people's sign-ins insert.
        List<Long> ids = em.createNamedQuery(RememberedDevice.ACTIVE_IDS, Long.class).setParameter("user", user)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(RememberedDevice.FORGET).setParameter("ids", ids).setParameter("now", now)
                .executeUpdate();
    }

    public long remembered(User user, Instant now) {
        return em.createNamedQuery(RememberedDevice.COUNT_ACTIVE, Long.class).setParameter("user", user)
                .setParameter("now", now).getSingleResult();
    }

    /** The token of a signed value whose signature is right (compared in constant time), else null. */
    String verified(String signed) {
        if (signed == null || signed.length() > 200) {
            return null;
        }
        int dot = signed.indexOf('.');
        if (dot <= 0 || dot == signed.length() - 1) {
            return null;
        }
        String token = signed.substring(0, dot);
        byte[] expected = masterKey.hmac(LABEL, token).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signed.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? token : null;
    }
}
