package io.okpay.identity.control;

import io.okpay.identity.entity.User;
import io.okpay.identity.entity.UserSession;
import io.okpay.identity.entity.UserToken;
import io.okpay.shared.crypto.Secrets;
import io.okpay.shared.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finding users and their sessions, for the identity boundaries (inside their transactions). */
@ApplicationScoped
public class UserDirectory {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    RememberedDevices devices;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String baseUrl;

    /** The user with this public id; 404 when there is none. */
    public User require(String userId) {
        return find(userId).orElseThrow(BusinessException::notFound);
    }

    /** The user with this public id, if there is one. */
    public Optional<User> find(String userId) {
        return em.createQuery("SELECT u FROM User u WHERE u.publicId = :id", User.class)
                .setParameter("id", userId == null ? "" : userId)
                .getResultStream().findFirst();
    }

    public Optional<User> byEmail(String normalizedEmail) {
        return em.createQuery("SELECT u FROM User u WHERE u.email = :email", User.class)
                .setParameter("email", normalizedEmail).getResultStream().findFirst();
    }

    public Optional<User> byUsername(String username) {
        return em.createQuery("SELECT u FROM User u WHERE u.username = :name", User.class)
                .setParameter("name", username).getResultStream().findFirst();
    }

    public boolean usernameTaken(String username) {
        return !em.createQuery("SELECT u.id FROM User u WHERE u.username = :name", Long.class)
                .setParameter("name", username).getResultList().isEmpty();
    }

    /**
     * Ends every session of the user, or every one but {@code keepSessionId}, and forgets every remembered device:
     * whoever had a session ended must answer a code on their next sign-in.
     */
    public void endSessions(User user, String keepSessionId) {
        Instant now = Instant.now();
        devices.forgetAll(user, now);
        em.createNamedQuery(UserSession.ACTIVE, UserSession.class).setParameter("user", user).getResultList().stream()
                .filter(session -> !session.publicId().equals(keepSessionId))
                .forEach(session -> session.end(now));
    }

    /** An absolute link for an e-mail: the configured public address, the page, the token. */
    public String link(String path, String token) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path + "?token=" + token;
    }

    /** An absolute link to a page, for an e-mail. */
    public String page(String path) {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + path;
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A new single-use link token of this purpose for the person (its SHA-256 stored); the ones sent before stop
     * working. Those are read first and revoked by primary key: an UPDATE by person and purpose would also lock the
     * gaps of that index, and two people asking at once would deadlock on each other's new token.
     */
    public String newToken(User user, UserToken.Purpose purpose, Instant now, Duration validFor) {
        List<Long> earlier = em.createNamedQuery(UserToken.UNUSED_IDS, Long.class).setParameter("user", user)
                .setParameter("purpose", purpose).getResultList();
        if (!earlier.isEmpty()) {
            em.createNamedQuery(UserToken.REVOKE).setParameter("now", now).setParameter("ids", earlier).executeUpdate();
        }
        String token = Secrets.token();
        em.persist(new UserToken(user, purpose, Secrets.sha256(token), now, now.plus(validFor)));
        return token;
    }
}
