package io.okpay.identity.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.shared.crypto.Secrets;
import io.okpay.identity.control.SeenOrigins;
import io.okpay.identity.entity.SignIn;
import io.okpay.identity.entity.User;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Writes a failed sign-in (history and audit log) in a transaction of its own: the refusal that follows rolls the
 * caller's back. Tells other features where a person has signed in from before.
 */
@Stateless
public class SignInRecords {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    AuditLog auditLog;

    @Inject
    SeenOrigins seenOrigins;

    /** Whether the person ({@code usr_...}) completed a sign-in from this IP address before, and from this device. */
    public record Seen(boolean ip, boolean device) {
    }

    /** Read from the database unless this instance remembers both ({@link SeenOrigins}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Seen seenFrom(String userId, String ip, String device) {
        if (seenOrigins.ip(userId, ip) && seenOrigins.device(userId, device)) {
            return new Seen(true, true);
        }
        Object[] counts = em.createQuery("SELECT SUM(CASE WHEN s.ip = :ip THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN s.device = :device THEN 1 ELSE 0 END) FROM SignIn s "
                        + "WHERE s.user.publicId = :user AND s.status = :succeeded", Object[].class)
                .setParameter("ip", ip).setParameter("device", device).setParameter("user", userId)
                .setParameter("succeeded", SignIn.Status.SUCCEEDED).getSingleResult();
        Seen seen = new Seen(positive(counts[0]), positive(counts[1]));
        if (seen.ip()) {
            seenOrigins.rememberIp(userId, ip);
        }
        if (seen.device()) {
            seenOrigins.rememberDevice(userId, device);
        }
        return seen;
    }

    private static boolean positive(Object sum) {
        return sum instanceof Number n && n.longValue() > 0;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(User user, String ip, String device, String reason) {
        em.persist(new SignIn(Secrets.publicId("sgn"), em.getReference(User.class, user.id()), ip, device,
                SignIn.Status.FAILED, Instant.now()));
        auditLog.record(user.publicId(), "SIGN_IN_FAILED", ip, reason + "; " + device);
    }
}
