package io.okpay.identity.boundary;

import io.okpay.identity.control.PasswordHasher;
import io.okpay.identity.control.RememberedDevices;
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
 * Signing in: the password first, then a one-time code bound to this very attempt (by e-mail for every new account;
 * SMS or an authenticator app when chosen). A person who asks for codes only on a new device is spared the code on a
 * device that answered one before and still carries its signed token ({@link RememberedDevices}); operators never are. An unknown e-mail and a wrong password get the same answer after the same work; failures slow down further
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

    /**
     * A completed sign-in: who, the session it opened (null for API tokens, which have no session), and, when a code
     * was answered while the person asks only on a new device, the signed token that now remembers this device
     * (else null), for a cookie or the API's device_token.
     */
    public record SignedIn(UserView user, String sessionId, String deviceToken) {
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

    @Inject
    RememberedDevices devices;

    /**
     * Checks the password; {@code deviceToken} is what this device carries from an earlier sign-in (a cookie, the
     * API's device_token), or null. A code is due unless the person asks only on a new device and this is a known one.
     */
    public Step begin(String email, String password, String ip, String device, String deviceToken) {
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
        String challengeId = codeDue(user, deviceToken, Instant.now())
                ? challenges.issue(user, SIGN_IN_PURPOSE + signIn.publicId(), "code.purpose.sign-in") : null;
        return new Step(signIn.publicId(), challengeId, challengeId == null ? null : user.strongestChannel().name(),
                challengeId != null && secondFactors.hasRecoveryCodes(user));
    }

    /** How long a device stays remembered (the max age of its cookie). */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
    public Duration rememberedDeviceLifetime() {
        return devices.lifetime();
    }

    public void resendCode(String signInId, String challengeId) {
        SignIn signIn = open(signInId);
        challenges.resend(challengeId, signIn.user());
    }

    /**
     * Finishes a sign-in whose password was right, checking the code when one is needed. Opens a session when asked
     * (pages); API tokens need none.
     */
    public SignedIn complete(String signInId, String challengeId, String code, boolean openSession, String deviceToken) {
        SignIn signIn = open(signInId);
        User user = signIn.user();
        Instant now = Instant.now();
        boolean codeDue = codeDue(user, deviceToken, now);
        if (codeDue) {
            try {
                challenges.verify(challengeId, user, SIGN_IN_PURPOSE + signIn.publicId(), code);
            } catch (BusinessException wrongCode) {
                // A new sign-in brings a new challenge: the throttle keeps someone with the password from guessing on.
                throttle.failed(Throttle.ACCOUNT_FROM_IP, user.email() + "|" + signIn.ip());
                auditLog.recordFailure(user.publicId(), "SIGN_IN_FAILED", signIn.ip(), wrongCode.code() + "; " + signIn.device());
                throw wrongCode;
            }
        }
        signIn.succeed(now);
        String remembered = codeDue && user.codesNewDeviceOnly()
                ? devices.remember(user, signIn.ip(), signIn.device(), now) : null;
        throttle.reset(Throttle.ACCOUNT, user.email());
        throttle.reset(Throttle.ACCOUNT_FROM_IP, user.email() + "|" + signIn.ip());
        String sessionId = null;
        if (openSession) {
            UserSession session = new UserSession(Secrets.publicId("ses"), user, signIn.ip(), signIn.device(), now);
            em.persist(session);
            sessionId = session.publicId();
        }
        auditLog.record(user.publicId(), "SIGN_IN", signIn.ip(),
                (codeDue ? "password and code; " : user.secondFactor() ? "password, remembered device; " : "password; ")
                        + (openSession ? "page; " : "api; ") + signIn.device());
        mail.send(user.email(), user.locale(), "new-sign-in", user.username(),
                TimeZones.format(now, user.timeZone(), user.locale()),
                DeviceWords.describe(signIn.device(), signIn.ip(), user.locale()));
        return new SignedIn(UserView.of(user), sessionId, remembered);
    }

    /** A code is due when the person uses a second factor, unless they ask only on a new device and this one is known. */
    private boolean codeDue(User user, String deviceToken, Instant now) {
        return user.secondFactor() && !(user.codesNewDeviceOnly() && devices.recognises(user, deviceToken, now));
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
