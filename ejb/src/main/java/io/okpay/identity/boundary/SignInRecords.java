package io.okpay.identity.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.shared.crypto.Secrets;
import io.okpay.identity.entity.SignIn;
import io.okpay.identity.entity.User;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/** Writes a failed sign-in (history and audit log) in a transaction of its own: the refusal that follows rolls the caller's back. */
@Stateless
public class SignInRecords {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    AuditLog auditLog;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(User user, String ip, String device, String reason) {
        em.persist(new SignIn(Secrets.publicId("sgn"), em.getReference(User.class, user.id()), ip, device,
                SignIn.Status.FAILED, Instant.now()));
        auditLog.record(user.publicId(), "SIGN_IN_FAILED", ip, reason + "; " + device);
    }
}
