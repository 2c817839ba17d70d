package io.okpay.identity.control;

import io.okpay.identity.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.logging.Logger;

/**
 * Gives the numbers sealed before the phone lookup existed their blind index, so operators find those people by
 * phone too. New numbers get theirs when they are written ({@link io.okpay.identity.boundary.AccountSecurity}); this
 * runs at start-up, finds nothing once done, and does no harm when two instances run it at once (same digest).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class PhoneIndexBackfill {

    private static final Logger LOG = Logger.getLogger(PhoneIndexBackfill.class.getName());

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    SecondFactors secondFactors;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void backfill() {
        List<User> missing = em.createQuery("SELECT u FROM User u WHERE u.sealedPhone IS NOT NULL AND u.phoneDigest IS NULL",
                User.class).getResultList();
        for (User user : missing) {
            user.changePhoneDigest(secondFactors.phoneDigest(secondFactors.phone(user)));
        }
        if (!missing.isEmpty()) {
            LOG.info(() -> missing.size() + " phone number(s) indexed for the operators' search");
        }
    }
}
