package io.okpay.identity.boundary;

import io.okpay.identity.control.PasswordHasher;
import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.control.Challenges;
import io.okpay.identity.control.DeviceWords;
import io.okpay.identity.control.SecondFactors;
import io.okpay.shared.crypto.Secrets;
import io.okpay.identity.control.UserDirectory;
import io.okpay.identity.control.Throttle;
import io.okpay.identity.entity.SignIn;
import io.okpay.identity.entity.User;
import io.okpay.identity.entity.UserSession;
import io.okpay.notification.boundary.Mail;
import io.okpay.shared.BusinessException;
import io.okpay.shared.TimeZones;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signing in: the password first, then, when the person uses a second factor, a one-time code bound to this very
 * attempt. An unknown e-mail and a wrong password get the same answer after the same work; failures slow down further
 * tries per account, per account and IP, and per IP (see {@link Throttle}).
 */
@Stateless
public class SignIns {

    /** A session ends this long after sign-in whatever the activity; the idle timeout is the servlet session's. */
    public static final Duration ABSOLUTE_SESSION_TIMEOUT = Duration.ofHours(12);
    private static final String SIGN_IN_PURPOSE = "sign-in:";
    private static final Duration SEEN_PRECISION = Duration.ofMinutes(1);

    /**
     * Where a sign-in stands after the password: done, or waiting for the code of challenge {@code challengeId},
     * which comes by {@code channel} (EMAIL, SMS or TOTP); {@code recoveryCodes} when the person has one left to use
     * instead, so the prompt mentions them only then.
     */
    public record Step(String signInId, String challengeId, String channel, boolean recoveryCodes) {
        public boolean codeRequired() {
            return challengeId != null;
        }
    }

    /** A completed sign-in: who, and the session it opened (null for API tokens, which have no session). */
    public record SignedIn(UserView user, String sessionId) {
    }

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    UserDirectory directory;

    @Inject
    Challenges challenges;

    @Inject
    SecondFactors secondFactors;

    @EJB
    SignInRecords records;

    @EJB
    Mail mail;

    @EJB
    AuditLog auditLog;

    @Inject
    Throttle throttle;

    public Step begin(String email, String password, String ip, String device) {
        String account = UserDirectory.normalizeEmail(email);
        Throttle.Key[] keys = {new Throttle.Key(throttle.perAddress(), ip), new Throttle.Key(Throttle.ACCOUNT, account),
                new Throttle.Key(Throttle.ACCOUNT_FROM_IP, account + "|" + ip)};
        // Counted as a failure before the password is checked; a right password gives the count back.
        throttle.attempt("sign_in_throttled", keys);
        Optional<User> found;
        boolean right;
        try {
            // A closed account answers as an unknown one: the same refusal as a wrong password.
            found = account.isEmpty() ? Optional.empty() : directory.byEmail(account).filter(u -> !u.closed());
            right = found.isPresent() ? PasswordHasher.verify(password, found.get().passwordHash()) : decoy(password);
        } catch (RuntimeException notChecked) {
            // Too busy to check (or the database failed): no guess was made.
            throttle.refund(keys);
            throw notChecked;
        }
        if (!right) {
            if (found.isPresent()) {
                records.failed(found.get(), ip, device, "wrong password");
            } else {
                auditLog.recordFailure(null, "SIGN_IN_FAILED", ip, "unknown account; " + device);
            }
            throw new BusinessException("sign_in_failed");
        }
        throttle.refund(keys);
        User user = found.get();
        if (PasswordHasher.needsRehash(user.passwordHash())) {
            user.rehashPassword(PasswordHasher.hash(password));
        }
        SignIn signIn = new SignIn(Secrets.publicId("sgn"), user, ip, device, SignIn.Status.PASSWORD_OK, Instant.now());
        em.persist(signIn);
        String challengeId = user.secondFactor()
                ? challenges.issue(user, SIGN_IN_PURPOSE + signIn.publicId(), "code.purpose.sign-in") : null;
        return new Step(signIn.publicId(), challengeId, challengeId == null ? null : user.strongestChannel().name(),
                challengeId != null && secondFactors.hasRecoveryCodes(user));
    }

    public void resendCode(String signInId, String challengeId) {
        SignIn signIn = open(signInId);
        challenges.resend(challengeId, signIn.user());
    }

    /**
     * Finishes a sign-in whose password was right, checking the code when one is needed. Opens a session when asked
     * (pages); API tokens need none.
     */
    public SignedIn complete(String signInId, String challengeId, String code, boolean openSession) {
        SignIn signIn = open(signInId);
        User user = signIn.user();
        if (user.secondFactor()) {
            try {
                challenges.verify(challengeId, user, SIGN_IN_PURPOSE + signIn.publicId(), code);
            } catch (BusinessException wrongCode) {
                // A new sign-in brings a new challenge: the throttle keeps someone with the password from guessing on.
                throttle.failed(Throttle.ACCOUNT_FROM_IP, user.email() + "|" + signIn.ip());
                auditLog.recordFailure(user.publicId(), "SIGN_IN_FAILED", signIn.ip(), wrongCode.code() + "; " + signIn.device());
                throw wrongCode;
            }
        }
        Instant now = Instant.now();
        signIn.succeed(now);
        throttle.reset(Throttle.ACCOUNT, user.email());
        throttle.reset(Throttle.ACCOUNT_FROM_IP, user.email() + "|" + signIn.ip());
        String sessionId = null;
        if (openSession) {
            UserSession session = new UserSession(Secrets.publicId("ses"), user, signIn.ip(), signIn.device(), now);
            em.persist(session);
            sessionId = session.publicId();
        }
        auditLog.record(user.publicId(), "SIGN_IN", signIn.ip(),
                (user.secondFactor() ? "password and code; " : "password; ") + (openSession ? "page; " : "api; ") + signIn.device());
        mail.send(user.email(), user.locale(), "new-sign-in", user.username(),
                TimeZones.format(now, user.timeZone(), user.locale()),
                DeviceWords.describe(signIn.device(), signIn.ip(), user.locale()));
        return new SignedIn(UserView.of(user), sessionId);
    }

    /**
     * The user of a session that is still valid (not ended, not past the absolute timeout), or empty. Notes when the
     * session was last used, to the minute.
     */
    public Optional<UserView> session(String sessionId) {
        UserSession session = em.createNamedQuery(UserSession.BY_PUBLIC_ID, UserSession.class)
                .setParameter("id", sessionId == null ? "" : sessionId).getResultStream().findFirst().orElse(null);
        Instant now = Instant.now();
        if (session == null || session.ended()) {
            return Optional.empty();
        }
        if (session.createdAt().plus(ABSOLUTE_SESSION_TIMEOUT).isBefore(now)) {
            session.end(now);
            return Optional.empty();
        }
        if (session.lastSeenAt().plus(SEEN_PRECISION).isBefore(now)) {
            session.seen(now);
        }
        return Optional.of(UserView.of(session.user()));
    }

    public void signOut(String sessionId) {
        em.createNamedQuery(UserSession.BY_PUBLIC_ID, UserSession.class)
                .setParameter("id", sessionId == null ? "" : sessionId).getResultStream().findFirst()
                .ifPresent(session -> {
                    session.end(Instant.now());
                    auditLog.record(session.user().publicId(), "SIGN_OUT", session.ip(), session.publicId());
                });
    }

    private SignIn open(String signInId) {
        SignIn signIn = em.createNamedQuery(SignIn.LOCK, SignIn.class)
                .setParameter("id", signInId == null ? "" : signInId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (signIn == null || !signIn.open(Instant.now())) {
            throw new BusinessException("sign_in_expired");
        }
        return signIn;
    }

    private static boolean decoy(String password) {
        PasswordHasher.verifyDecoy(password);
        return false;
    }
}
