package io.okpay.identity.boundary;

import io.okpay.identity.control.Secrets;
import io.okpay.identity.entity.SignIn;
import io.okpay.identity.entity.User;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/** Writes a failed sign-in in a transaction of its own: the refusal that follows rolls the caller's back. */
@Stateless
public class SignInRecords {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(Long userId, String ip, String device) {
        em.persist(new SignIn(Secrets.publicId("sgn"), em.getReference(User.class, userId), ip, device,
                SignIn.Status.FAILED, Instant.now()));
    }
}
