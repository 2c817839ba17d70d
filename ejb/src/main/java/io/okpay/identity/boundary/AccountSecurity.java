package io.okpay.identity.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.control.PasswordHasher;
import io.okpay.identity.control.Challenges;
import io.okpay.identity.control.DeviceWords;
import io.okpay.identity.control.PasswordPolicy;
import io.okpay.identity.control.SecondFactors;
import io.okpay.identity.control.Throttle;
import io.okpay.identity.control.Totp;
import io.okpay.identity.control.RefreshTokens;
import io.okpay.identity.control.RememberedDevices;
import io.okpay.identity.control.UserDirectory;
import io.okpay.identity.entity.Challenge;
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
import java.util.Locale;
import java.util.Optional;

/** The signed-in person's own security settings. Every change is approved by a step-up code first. */
@Stateless
public class AccountSecurity {

    public static final String CHANGE_PASSWORD = "change-password";
    public static final String CHANGE_SECOND_FACTOR = "change-second-factor";
    public static final String CHANGE_EMAIL = "change-email";
    static final String CONFIRM_PHONE = "confirm-phone";

    @Inject
    UserDirectory directory;

    @EJB
    Users users;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    SecondFactors secondFactors;

    @Inject
    Challenges challenges;

    @Inject
    Throttle throttle;

    @Inject
    RememberedDevices devices;

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
        // A stolen session must not become a way to guess the password: counted before the check, given back if right.
        Throttle.Key guesses = new Throttle.Key(Throttle.CURRENT_PASSWORD, userId);
        throttle.attempt("sign_in_throttled", guesses);
        boolean right;
        try {
            right = PasswordHasher.verify(currentPassword, user.passwordHash());
        } catch (RuntimeException notChecked) {
            throttle.refund(guesses);
            throw notChecked;
        }
        if (right) {
            throttle.refund(guesses);
        } else {
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

    /**
     * Moves the account to a new address, after a step-up code. The new address gets a verification link (money waits
     * until it is used); the old one is told, so a take-over does not go unnoticed.
     */
    public UserView changeEmail(String userId, String newEmail, String challengeId, String code) {
        User user = directory.require(userId);
        String address = UserDirectory.normalizeEmail(newEmail);
        Optional<FieldError> problem = users.checkNewEmail(address);
        if (problem.isPresent()) {
            throw BusinessException.invalid(List.of(problem.get()));
        }
        stepUp.verify(userId, challengeId, CHANGE_EMAIL, code);
        String previous = user.email();
        user.changeEmail(address);
        users.sendVerification(userId);
        auditLog.record(user.publicId(), "EMAIL_CHANGED", "-", "");
        mail.send(previous, user.locale(), "email-changed", user.username(), address);
        return UserView.of(user);
    }

    /**
     * Turns one-time codes by e-mail on or off. Off only while SMS or an authenticator app gives the codes instead:
     * every sign-in asks for a code (operators' always).
     */
    public UserView useEmailCodes(String userId, boolean on, String challengeId, String code) {
        User user = directory.require(userId);
        if (!on && user.roles().stream().anyMatch(r -> r.isOperator())) {
            throw new BusinessException("second_factor_required");
        }
        if (!on && !user.totpEnabled() && !user.smsCodes()) {
            throw new BusinessException("sign_in_code_required");
        }
        stepUp.verify(userId, challengeId, CHANGE_SECOND_FACTOR, code);
        user.useEmailCodes(on);
        auditLog.record(user.publicId(), "SECOND_FACTOR_CHANGED", "-", on ? "e-mail codes on" : "e-mail codes off");
        return UserView.of(user);
    }

    /**
     * When sign-in asks for a code: at every sign-in, or only on a new device (a device that answered a code is then
     * remembered for 30 days). Either way after a change-second-factor code; going back to every sign-in also forgets
     * the remembered devices.
     */
    public UserView askCodes(String userId, boolean onlyOnNewDevice, String challengeId, String code) {
        User user = directory.require(userId);
        if (onlyOnNewDevice && user.roles().stream().anyMatch(r -> r.isOperator())) {
            throw new BusinessException("second_factor_required");
        }
        stepUp.verify(userId, challengeId, CHANGE_SECOND_FACTOR, code);
        user.askCodesOnlyOnNewDevice(onlyOnNewDevice);
        if (!onlyOnNewDevice) {
            devices.forgetAll(user, Instant.now());
        }
        auditLog.record(user.publicId(), "SECOND_FACTOR_CHANGED", "-",
                onlyOnNewDevice ? "codes only on a new device" : "codes at every sign-in");
        return UserView.of(user);
    }

    /** "Forget my devices": every remembered device of the person answers a code at its next sign-in. */
    public int forgetDevices(String userId) {
        User user = directory.require(userId);
        int forgotten = devices.forgetAll(user, Instant.now());
        auditLog.record(user.publicId(), "DEVICES_FORGOTTEN", "-", forgotten + " remembered devices");
        return forgotten;
    }

    /** How many devices may sign in without a code now. */
    public long rememberedDevices(String userId) {
        return devices.remembered(directory.require(userId), Instant.now());
    }

    /** What an authenticator app needs: the secret (to type in) and the otpauth URI (for the QR code). */
    public record TotpEnrollment(String secret, String uri) {
    }

    /** Starts setting up an authenticator app; it counts once {@link #confirmTotp} saw a first code from it. */
    public TotpEnrollment startTotp(String userId, String challengeId, String code) {
        User user = directory.require(userId);
        stepUp.verify(userId, challengeId, CHANGE_SECOND_FACTOR, code);
        String secret = Totp.newSecret();
        user.pendTotp(secondFactors.sealTotpSecret(user, secret));
        return new TotpEnrollment(secret, Totp.uri("OKPay", user.email(), secret));
    }

    /** Turns the app on with its first code and returns ten new recovery codes, shown this once. */
    public List<String> confirmTotp(String userId, String code) {
        User user = directory.require(userId);
        if (user.sealedTotpSecret() == null || user.totpEnabled()) {
            throw new BusinessException("totp_not_pending");
        }
        Throttle.Key tries = new Throttle.Key(Throttle.ACCOUNT, "totp|" + userId);
        throttle.attempt("sign_in_throttled", tries);
        if (!secondFactors.acceptTotp(user, code)) {
            throw new BusinessException("code_invalid");
        }
        throttle.refund(tries);
        user.enableTotp();
        auditLog.record(user.publicId(), "SECOND_FACTOR_CHANGED", "-", "authenticator app on");
        return secondFactors.newRecoveryCodes(user);
    }

    public void disableTotp(String userId, String challengeId, String code) {
        User user = directory.require(userId);
        stepUp.verify(userId, challengeId, CHANGE_SECOND_FACTOR, code);
        user.disableTotp();
        auditLog.record(user.publicId(), "SECOND_FACTOR_CHANGED", "-", "authenticator app off");
    }

    /** Replaces the recovery codes; the old ones stop working. */
    public List<String> newRecoveryCodes(String userId, String challengeId, String code) {
        User user = directory.require(userId);
        stepUp.verify(userId, challengeId, CHANGE_SECOND_FACTOR, code);
        auditLog.record(user.publicId(), "RECOVERY_CODES_RENEWED", "-", "");
        return secondFactors.newRecoveryCodes(user);
    }

    /**
     * Sets the phone number for codes by SMS (international format, +4479...). It is used once a code sent to it
     * came back through {@link #confirmPhone}; returns the id of that challenge.
     */
    public String startPhone(String userId, String phoneNumber, String challengeId, String code) {
        String number = phoneNumber == null ? "" : phoneNumber.replace(" ", "").replace("-", "");
        if (!number.matches("\\+[1-9][0-9]{6,14}")) {
            throw BusinessException.invalid(List.of(new FieldError("phone", "phone_invalid")));
        }
        User user = directory.require(userId);
        stepUp.verify(userId, challengeId, CHANGE_SECOND_FACTOR, code);
        user.changePhone(secondFactors.sealPhone(user, number), secondFactors.phoneDigest(number));
        return challenges.issue(user, CONFIRM_PHONE, "stepup.action." + CONFIRM_PHONE, Challenge.Channel.SMS);
    }

    /**
     * Turns SMS codes on with the code the new number received, and returns ten new recovery codes, shown this once
     * (a phone can be lost like an app can).
     */
    public List<String> confirmPhone(String userId, String challengeId, String code) {
        User user = directory.require(userId);
        challenges.verify(challengeId, user, CONFIRM_PHONE, code);
        user.useSmsCodes(true);
        auditLog.record(user.publicId(), "SECOND_FACTOR_CHANGED", "-", "SMS codes on");
        return secondFactors.newRecoveryCodes(user);
    }

    /** One line of the sign-in history on the security page; {@code device} in words ("Chrome on Linux, this computer"). */
    public record SignInView(Instant at, String device, String status) {
    }

    /** A session that is still open, {@code current} for the one asking; {@code device} in words. */
    public record SessionView(String id, Instant createdAt, Instant lastSeenAt, String device, boolean current) {
    }

    public List<SignInView> recentSignIns(String userId, int limit, Locale locale) {
        User user = directory.require(userId);
        return em.createNamedQuery(SignIn.RECENT, SignIn.class).setParameter("user", user).setMaxResults(limit)
                .getResultStream().map(s -> new SignInView(s.createdAt(), DeviceWords.describe(s.device(), s.ip(), locale),
                        s.status().name())).toList();
    }

    public List<SessionView> activeSessions(String userId, String currentSessionId, Locale locale) {
        User user = directory.require(userId);
        return em.createNamedQuery(UserSession.ACTIVE, UserSession.class).setParameter("user", user).getResultStream()
                .filter(s -> s.createdAt().plus(SignIns.ABSOLUTE_SESSION_TIMEOUT).isAfter(Instant.now()))
                .map(s -> new SessionView(s.publicId(), s.createdAt(), s.lastSeenAt(),
                        DeviceWords.describe(s.device(), s.ip(), locale), s.publicId().equals(currentSessionId))).toList();
    }

    /** Signs out every other browser of the person. */
    public void endOtherSessions(String userId, String currentSessionId) {
        User user = directory.require(userId);
        directory.endSessions(user, currentSessionId);
        auditLog.record(user.publicId(), "SESSIONS_ENDED", "-", "all but the current one");
    }

    /**
     * An operator ends every session and every refresh token of a person (a stolen device, a take-over): they are
     * signed out everywhere. Returns how many sessions were open; the operator's own audit record says who and why.
     */
    public int endAllSessions(String userId) {
        User user = directory.require(userId);
        int open = activeSessions(userId, null, java.util.Locale.ENGLISH).size();
        directory.endSessions(user, null);
        refreshTokens.revokeAll(user.publicId());
        return open;
    }

    /**
     * An operator resets a person's second factors after checking who they are (a lost phone, a new phone without the
     * app): the authenticator app and SMS codes are off and the recovery codes gone; sign-in codes come by e-mail. The
     * person is told by e-mail in their language. Returns the factors before and after, in words, for the operator's
     * audit record (which also says who checked what, and why).
     */
    public String[] resetSecondFactors(String userId) {
        User user = directory.require(userId);
        if (user.closed()) {
            throw BusinessException.notFound();
        }
        String before = factors(user);
        user.resetSecondFactors();
        int codes = secondFactors.deleteRecoveryCodes(user);
        auditLog.record(user.publicId(), "SECOND_FACTOR_CHANGED", "-", "reset by an operator: codes by e-mail");
        mail.send(user.email(), user.locale(), "second-factor-reset", user.username());
        return new String[]{before + ", " + codes + " recovery code(s)", factors(user) + ", 0 recovery codes"};
    }

    private static String factors(User user) {
        List<String> on = new ArrayList<>();
        if (user.totpEnabled()) {
            on.add("authenticator app");
        }
        if (user.smsCodes()) {
            on.add("SMS codes");
        }
        if (user.emailCodes()) {
            on.add("e-mail codes");
        }
        return on.isEmpty() ? "no second factor" : String.join(" + ", on);
    }
}
