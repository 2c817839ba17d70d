package io.okpay.identity.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.control.PasswordHasher;
import io.okpay.identity.control.PasswordPolicy;
import io.okpay.identity.control.RefreshTokens;
import io.okpay.shared.crypto.Secrets;
import io.okpay.identity.control.Throttle;
import io.okpay.identity.control.UserDirectory;
import io.okpay.identity.entity.User;
import io.okpay.identity.entity.UserToken;
import io.okpay.notification.boundary.Mail;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Forgot password?": a single-use link valid for 30 minutes. Asking never tells whether the address has an account.
 * A reset ends every session (and refresh token) of the account and tells the person by e-mail.
 */
@Stateless
public class PasswordReset {

    static final Duration VALID_FOR = Duration.ofMinutes(30);

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    UserDirectory directory;

    @Inject
    RefreshTokens refreshTokens;

    @EJB
    Mail mail;

    @EJB
    AuditLog auditLog;

    @Inject
    Throttle throttle;

    /** Sends a reset link when the address belongs to an account; does and says the same otherwise. */
    public void request(String email, String ip) {
        String account = UserDirectory.normalizeEmail(email);
        // A quiet limit: past it, requests are accepted and dropped, so the answer still says nothing.
        try {
            throttle.attempt("sign_in_throttled", new Throttle.Key(throttle.perAddress(), "reset|" + ip),
                    new Throttle.Key(Throttle.ACCOUNT, "reset|" + account));
        } catch (BusinessException throttled) {
            return;
        }
        // A closed account has no password to reset: it cannot sign in again.
        Optional<User> found = account.isEmpty() ? Optional.empty() : directory.byEmail(account).filter(u -> !u.closed());
        if (found.isEmpty()) {
            return;
        }
        User user = found.get();
        Instant now = Instant.now();
        String token = directory.newToken(user, UserToken.Purpose.PASSWORD_RESET, now, VALID_FOR);
        auditLog.record(user.publicId(), "PASSWORD_RESET_REQUESTED", ip, "");
        mail.sendSecret(user.email(), user.locale(), "password-reset", 1, user.username(), directory.link("/identity/reset.xhtml", token));
    }

    public void confirm(String token, String newPassword) {
        UserToken found = token == null || token.isBlank() ? null : em.createNamedQuery(UserToken.BY_HASH, UserToken.class)
                .setParameter("hash", Secrets.sha256(token.trim()))
                .setParameter("purpose", UserToken.Purpose.PASSWORD_RESET)
                .getResultStream().findFirst().orElse(null);
        Instant now = Instant.now();
        if (found == null || !found.usable(now)) {
            throw new BusinessException("reset_link_invalid");
        }
        User user = found.user();
        List<String> problems = PasswordPolicy.problems(newPassword, user.username(), user.email());
        if (!problems.isEmpty()) {
            throw BusinessException.invalid(problems.stream()
                    .map(p -> new FieldError("password", p, PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH)).toList());
        }
        found.use(now);
        user.changePassword(PasswordHasher.hash(newPassword), now);
        // Whoever reads the mailbox controls the address: the link proves it as well as the verification link does.
        user.verifyEmail(now);
        directory.endSessions(user, null);
        refreshTokens.revokeAll(user.publicId());
        auditLog.record(user.publicId(), "PASSWORD_RESET", "-", "sessions and refresh tokens ended");
        mail.send(user.email(), user.locale(), "password-changed", user.username());
    }
}
