package io.okpay.identity.control;

import io.okpay.identity.entity.RefreshToken;
import io.okpay.shared.crypto.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/** Refresh tokens: issued in families, exchanged once each, revoked by family or by subject. */
@ApplicationScoped
public class RefreshTokens {

    public static final Duration LIFETIME = Duration.ofDays(30);

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** A new token; {@code family} null starts a new family (a new sign-in). Returns the token itself, shown once. */
    public String issue(String subject, String family) {
        String token = Secrets.token();
        Instant now = Instant.now();
        em.persist(new RefreshToken(Secrets.sha256(token), family == null ? Secrets.publicId("fam") : family, subject,
                now, now.plus(LIFETIME)));
        return token;
    }

    public RefreshToken find(String token) {
        return token == null || token.isBlank() ? null : em.createNamedQuery(RefreshToken.BY_HASH, RefreshToken.class)
                .setParameter("hash", Secrets.sha256(token.trim())).getResultStream().findFirst().orElse(null);
    }

    /** Locks the token's row so that two concurrent exchanges of it cannot both succeed. */
    public void lock(RefreshToken token) {
        em.refresh(token, LockModeType.PESSIMISTIC_WRITE);
    }

    /** In a transaction of its own: the refusal that follows a reuse must not undo the revocation. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void revokeFamily(String family) {
        em.createNamedQuery(RefreshToken.REVOKE_FAMILY).setParameter("now", Instant.now()).setParameter("family", family)
                .executeUpdate();
    }

    public void revokeAll(String subject) {
        em.createNamedQuery(RefreshToken.REVOKE_SUBJECT).setParameter("now", Instant.now()).setParameter("subject", subject)
                .executeUpdate();
    }
}
