package io.okpay.identity.boundary;

import fish.payara.cdi.jsr107.impl.NamedCache;
import io.okpay.identity.control.TokenSigner;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.cache.Cache;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;

/**
 * The subjects (a person {@code usr_...}, a merchant {@code mch_...}) whose accounts closed while access tokens issued
 * to them may still be valid. Access tokens are signed and checked without the database, and live 15 minutes: for
 * that long after a closure every API request of the subject is refused. Kept in a JCache shared by the instances of
 * a cluster, written once the closing transaction committed, forgotten 20 minutes later (the token lifetime, the
 * clock skew, a margin).
 */
@ApplicationScoped
public class ClosedAccounts {

    @Inject
    @NamedCache(cacheName = "okpay-closed-subjects", expiryPolicyFactoryClass = ForgetAfterTokensExpired.class)
    Cache<String, Boolean> closed;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Whether access tokens of this subject must be refused now. */
    public boolean refused(String subject) {
        return subject != null && closed.containsKey(subject);
    }

    /** Refuses the subject's access tokens once the current transaction has committed (at once without one). */
    public void refuseAfterCommit(String subject) {
        if (transactions.getTransactionKey() == null) {
            closed.put(subject, Boolean.TRUE);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    closed.put(subject, Boolean.TRUE);
                }
            }
        });
    }

    /** Entries live as long as the last access token issued before the closure could. */
    public static final class ForgetAfterTokensExpired implements ExpiryPolicy, Serializable {
        private static final long serialVersionUID = 1L;
        private static final Duration LIFETIME = new Duration(TimeUnit.SECONDS,
                TokenSigner.ACCESS_TOKEN_LIFETIME.plusMinutes(5).toSeconds());

        @Override
        public Duration getExpiryForCreation() {
            return LIFETIME;
        }

        @Override
        public Duration getExpiryForAccess() {
            return null;
        }

        @Override
        public Duration getExpiryForUpdate() {
            return LIFETIME;
        }
    }
}
