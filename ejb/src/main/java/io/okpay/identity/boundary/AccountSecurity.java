package io.okpay.identity.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.control.PasswordHasher;
import io.okpay.identity.control.PasswordPolicy;
import io.okpay.identity.control.RefreshTokens;
import io.okpay.identity.control.UserDirectory;
import io.okpay.identity.entity.SignIn;
import io.okpay.identity.entity.User;
import io.okpay.identity.entity.UserSession;
import io.okpay.notification.boundary.Mail;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The signed-in person's own security settings. Every change is approved by a step-up code first. */
@Stateless
public class AccountSecurity {

    public static final String CHANGE_PASSWORD = "change-password";
    public static final String CHANGE_SECOND_FACTOR = "change-second-factor";

    @Inject
    UserDirectory directory;

    @Inject
    RefreshTokens refreshTokens;

    @EJB
    StepUp stepUp;

    @EJB
    Mail mail;

    @EJB
    AuditLog auditLog;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** Changes the password and ends the person's other sessions; the current password is asked too. */
    public void changePassword(String userId, String sessionId, String currentPassword, String newPassword,
                               String challengeId, String code) {
        User user = directory.require(userId);
        List<FieldError> errors = new ArrayList<>();
        if (!PasswordHasher.verify(currentPassword, user.passwordHash())) {
            errors.add(new FieldError("currentPassword", "password_wrong"));
        }
        for (String problem : PasswordPolicy.problems(newPassword, user.username(), user.email())) {
            errors.add(new FieldError("newPassword", problem, PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        stepUp.verify(userId, challengeId, CHANGE_PASSWORD, code);
        user.changePassword(PasswordHasher.hash(newPassword), Instant.now());
        directory.endSessions(user, sessionId);
        refreshTokens.revokeAll(user.publicId());
        auditLog.record(user.publicId(), "PASSWORD_CHANGED", "-", "other sessions and refresh tokens ended");
        mail.send(user.email(), user.locale(), "password-changed", user.username());
    }

    /** Turns one-time codes by e-mail on or off as the second factor. Operators cannot turn them off. */
    public UserView useEmailCodes(String userId, boolean on, String challengeId, String code) {
        User user = directory.require(userId);
        if (!on && user.roles().stream().anyMatch(r -> r.isOperator())) {
            throw new BusinessException("second_factor_required", 422);
        }
        stepUp.verify(userId, challengeId, CHANGE_SECOND_FACTOR, code);
        user.useEmailCodes(on);
        auditLog.record(user.publicId(), "SECOND_FACTOR_CHANGED", "-", on ? "e-mail codes on" : "e-mail codes off");
        return UserView.of(user);
    }

    /** One line of the sign-in history on the security page. */
    public record SignInView(Instant at, String ip, String device, String status) {
    }

    /** A session that is still open, {@code current} for the one asking. */
    public record SessionView(String id, Instant createdAt, Instant lastSeenAt, String ip, String device, boolean current) {
    }

    public List<SignInView> recentSignIns(String userId, int limit) {
        User user = directory.require(userId);
        return em.createNamedQuery(SignIn.RECENT, SignIn.class).setParameter("user", user).setMaxResults(limit)
                .getResultStream().map(s -> new SignInView(s.createdAt(), s.ip(), s.device(), s.status().name())).toList();
    }

    public List<SessionView> activeSessions(String userId, String currentSessionId) {
        User user = directory.require(userId);
        return em.createNamedQuery(UserSession.ACTIVE, UserSession.class).setParameter("user", user).getResultStream()
                .filter(s -> s.createdAt().plus(SignIns.ABSOLUTE_SESSION_TIMEOUT).isAfter(Instant.now()))
                .map(s -> new SessionView(s.publicId(), s.createdAt(), s.lastSeenAt(), s.ip(), s.device(),
                        s.publicId().equals(currentSessionId))).toList();
    }

    /** Signs out every other browser of the person. */
    public void endOtherSessions(String userId, String currentSessionId) {
        User user = directory.require(userId);
        directory.endSessions(user, currentSessionId);
        auditLog.record(user.publicId(), "SESSIONS_ENDED", "-", "all but the current one");
    }
}
