package io.okpay.identity.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.control.PasswordHasher;
import io.okpay.identity.control.PasswordPolicy;
import io.okpay.identity.control.SecondFactors;
import io.okpay.identity.control.Throttle;
import io.okpay.shared.crypto.Secrets;
import io.okpay.identity.control.UserDirectory;
import io.okpay.identity.entity.User;
import io.okpay.identity.entity.UserToken;
import io.okpay.notification.boundary.Mail;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.EmailAddress;
import io.okpay.shared.Messages;
import io.okpay.shared.TimeZones;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Signing up, verifying the e-mail address, and telling other features who a user is. */
@Stateless
public class Users {

    static final Duration VERIFICATION_VALID_FOR = Duration.ofHours(24);
    static final Duration VERIFICATION_RESEND_AFTER = Duration.ofSeconds(60);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,31}");

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    Mail mail;

    @EJB
    AuditLog auditLog;

    @Inject
    UserDirectory directory;

    @Inject
    Throttle throttle;

    @Inject
    SecondFactors secondFactors;

    /**
     * A new account. The time zone comes from the browser or app; an unknown or missing one becomes the usual zone of
     * the language (see {@link TimeZones#chosen}) rather than an error, since nobody can fix what their browser sends.
     * An address that already has an account gets the very same answer after the same work (nobody learns who is a
     * customer), and its owner an e-mail saying that someone tried. Sign-ups are throttled per address and per IP.
     */
    public UserView signUp(String email, String username, String password, Locale locale, String timeZone, String ip) {
        String address = UserDirectory.normalizeEmail(email);
        String name = username == null ? "" : username.trim();
        List<FieldError> errors = new ArrayList<>();
        checkForm(address).ifPresent(errors::add);
        if (!USERNAME.matcher(name).matches()) {
            errors.add(new FieldError("username", "username_invalid"));
        } else if (directory.usernameTaken(name)) {
            errors.add(new FieldError("username", "username_taken"));
        }
        for (String problem : PasswordPolicy.problems(password, name, address)) {
            errors.add(new FieldError("password", problem, PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        // Every sign-up that gets this far mails someone: counted whatever its outcome.
        throttle.attempt("sign_up_throttled", new Throttle.Key(throttle.signUpsPerAddress(), ip == null ? "-" : ip),
                new Throttle.Key(Throttle.SIGN_UP_ADDRESS, address));
        Instant now = Instant.now();
        Locale language = Messages.supported(locale);
        User user = new User(Secrets.publicId("usr"), address, name, PasswordHasher.hash(password), language,
                TimeZones.chosen(timeZone, language), now);
        Optional<User> owner = directory.byEmail(address);
        if (owner.isPresent()) {
            // The answer of a new account, never stored; the owner hears of it in their own language.
            User existing = owner.get();
            auditLog.record(existing.publicId(), "SIGN_UP_WITH_TAKEN_ADDRESS", ip == null ? "-" : ip, "");
            mail.send(existing.email(), existing.locale(), "sign-up-attempt", existing.username(),
                    directory.page("/signin.xhtml"), directory.page("/identity/forgot.xhtml"));
            return UserView.of(user);
        }
        em.persist(user);
        auditLog.record(user.publicId(), "SIGNED_UP", ip == null ? "-" : ip, "");
        sendVerification(user, now);
        return UserView.of(user);
    }

    /**
     * The id of an account that OKPay runs for itself (the sandbox demo shop's owner), made when no account has this
     * address: the address counts as confirmed, the password is random and known to nobody, the language English and
     * the zone UTC. It is written at once, so that another instance making the same account at the same moment fails
     * here, on the unique address, and can simply ask again.
     */
    public String serviceAccount(String email, String username) {
        String address = UserDirectory.normalizeEmail(email);
        Optional<User> found = directory.byEmail(address);
        if (found.isPresent()) {
            return found.get().publicId();
        }
        Instant now = Instant.now();
        User user = new User(Secrets.publicId("usr"), address, username, PasswordHasher.hash(Secrets.token()),
                Locale.ENGLISH, TimeZones.UTC, now);
        user.verifyEmail(now);
        em.persist(user);
        em.flush();
        return user.publicId();
    }

    /**
     * The problem with a new address (missing, malformed, taken), if any: for a signed-in person moving their account,
     * who has proved who they are.
     */
    public Optional<FieldError> checkNewEmail(String address) {
        Optional<FieldError> form = checkForm(address);
        if (form.isPresent()) {
            return form;
        }
        return directory.byEmail(address).isPresent() ? Optional.of(new FieldError("email", "email_taken")) : Optional.empty();
    }

    private static Optional<FieldError> checkForm(String address) {
        if (address.isEmpty()) {
            return Optional.of(new FieldError("email", "email_required"));
        }
        if (!EmailAddress.hasForm(address)) {
            return Optional.of(new FieldError("email", "email_invalid"));
        }
        return Optional.empty();
    }

    /** Confirms the address behind the link. A used or expired link is refused; a new one can be sent. */
    public UserView verifyEmail(String token) {
        UserToken found = token == null || token.isBlank() ? null : em.createNamedQuery(UserToken.BY_HASH, UserToken.class)
                .setParameter("hash", Secrets.sha256(token.trim()))
                .setParameter("purpose", UserToken.Purpose.EMAIL_VERIFICATION)
                .getResultStream().findFirst().orElse(null);
        Instant now = Instant.now();
        if (found == null || !found.usable(now)) {
            throw new BusinessException("verification_link_invalid");
        }
        found.use(now);
        found.user().verifyEmail(now);
        auditLog.record(found.user().publicId(), "EMAIL_VERIFIED", "-", "");
        return UserView.of(found.user());
    }

    /** Sends a new verification link, at most once a minute. */
    public void resendVerification(String userId) {
        User user = directory.require(userId);
        if (user.emailVerified()) {
            return;
        }
        Instant now = Instant.now();
        Optional<UserToken> latest = em.createNamedQuery(UserToken.LATEST, UserToken.class)
                .setParameter("user", user).setParameter("purpose", UserToken.Purpose.EMAIL_VERIFICATION)
                .setMaxResults(1).getResultStream().findFirst();
        if (latest.isPresent() && latest.get().createdAt().plus(VERIFICATION_RESEND_AFTER).isAfter(now)) {
            throw new BusinessException("resend_too_soon", VERIFICATION_RESEND_AFTER.toSeconds());
        }
        sendVerification(user, now);
    }

    /** Moves the person to another time zone; one that is not a known region id is a field error here, on purpose. */
    public UserView changeTimeZone(String userId, String timeZone) {
        String asked = timeZone == null ? "" : timeZone.trim();
        if (!TimeZones.CHOICES.contains(asked)) {
            throw BusinessException.invalid(List.of(new FieldError("time_zone", "time_zone_invalid")));
        }
        User user = directory.require(userId);
        user.changeTimeZone(ZoneId.of(asked));
        auditLog.record(user.publicId(), "TIME_ZONE_CHANGED", "-", asked);
        return UserView.of(user);
    }

    /**
     * Who the user is, if anyone has this public id: for checks inside another feature's transaction, which a 404
     * from {@link #require} would mark for rollback.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<UserView> find(String userId) {
        return directory.find(userId).map(UserView::of);
    }

    /** Who the user is; 404 when there is no such user. The id is the public one ({@code usr_...}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public UserView require(String userId) {
        return UserView.of(directory.require(userId));
    }

    /** A verification link for the user's current address, now, whatever was sent before (after a change of address). */
    public void sendVerification(String userId) {
        sendVerification(directory.require(userId), Instant.now());
    }

    /** Whom a person means by an e-mail address (any case) or a username, for sending money; empty when nobody. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<UserView> findByEmailOrUsername(String emailOrUsername) {
        String wanted = emailOrUsername == null ? "" : emailOrUsername.trim();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> found = wanted.contains("@")
                ? directory.byEmail(UserDirectory.normalizeEmail(wanted)) : directory.byUsername(wanted);
        return found.filter(user -> !user.closed()).map(UserView::of);
    }

    /**
     * Whom an operator means: a public id ({@code usr_...}), an e-mail address (any case) or a username; empty when
     * nobody. Phone numbers: {@link #findByPhoneForOperator}.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<UserView> findForOperator(String query) {
        String wanted = query == null ? "" : query.trim();
        if (wanted.startsWith("usr_") && wanted.length() <= 40) {
            return em.createQuery("SELECT u FROM User u WHERE u.publicId = :id", User.class).setParameter("id", wanted)
                    .getResultStream().findFirst().map(UserView::of);
        }
        return findByEmailOrUsername(wanted);
    }

    /**
     * The people whose phone number (for SMS codes) is the one typed ({@code +44 7911 123456}, {@code 0044...}): found
     * by its blind index, since numbers are sealed at rest; closed accounts too (an operator may need them).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UserView> findByPhoneForOperator(String typed) {
        return SecondFactors.normalizePhone(typed)
                .map(number -> em.createQuery("SELECT u FROM User u WHERE u.phoneDigest = :digest ORDER BY u.id", User.class)
                        .setParameter("digest", secondFactors.phoneDigest(number)).setMaxResults(20)
                        .getResultStream().map(UserView::of).toList())
                .orElse(List.of());
    }

    private void sendVerification(User user, Instant now) {
        String token = directory.newToken(user, UserToken.Purpose.EMAIL_VERIFICATION, now, VERIFICATION_VALID_FOR);
        mail.sendSecret(user.email(), user.locale(), "verify-email", 1, user.username(), directory.link("/identity/verify.xhtml", token));
    }
}
