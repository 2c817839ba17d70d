package io.okpay.identity.boundary;

import io.okpay.identity.control.DeviceWords;
import io.okpay.identity.control.UserDirectory;
import io.okpay.identity.entity.RememberedDevice;
import io.okpay.identity.entity.Role;
import io.okpay.identity.entity.SignIn;
import io.okpay.identity.entity.User;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What identity holds about a person, for their own copy of their data ("download my data"): the profile, every
 * sign-in attempt and every remembered device with the address and browser it came from. Nothing secret (password
 * hash, codes, phone number, authenticator secret, a device's token or its hash) leaves: the profile says only which
 * second factor is on.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PersonalRecords {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    UserDirectory directory;

    /** The account as the person set it up. {@code secondFactor} is NONE, EMAIL, SMS or TOTP. */
    public record Profile(String id, String email, String username, Locale locale, String timeZone, boolean emailVerified,
                          Instant emailVerifiedAt, Instant createdAt, List<String> roles, String secondFactor,
                          boolean phoneOnFile) {
    }

    /** One sign-in attempt: the raw address and User-Agent as stored, and the device in words. */
    public record SignInRecord(Instant at, String status, String ip, String userAgent, String device) {
    }

    /**
     * A device that answered a sign-in code and was remembered (the person asks for codes only on a new device): when,
     * until when, when it was forgotten (null while it is not), its address and User-Agent then, the device in words.
     */
    public record DeviceRecord(Instant rememberedAt, Instant expiresAt, Instant forgottenAt, String ip, String userAgent,
                               String device) {
    }

    public Profile profile(String userId) {
        User user = directory.require(userId);
        return new Profile(user.publicId(), user.email(), user.username(), user.locale(), user.timeZone().getId(),
                user.emailVerified(), user.emailVerifiedAt(), user.createdAt(),
                user.roles().stream().map(Role::name).sorted().toList(),
                user.secondFactor() ? user.strongestChannel().name() : "NONE", user.sealedPhone() != null);
    }

    /** Every sign-in attempt, newest first, devices described in {@code locale}. */
    public List<SignInRecord> signIns(String userId, Locale locale) {
        User user = directory.require(userId);
        return em.createNamedQuery(SignIn.RECENT, SignIn.class).setParameter("user", user).getResultStream()
                .map(s -> new SignInRecord(s.createdAt(), s.status().name(), s.ip(), s.device(),
                        DeviceWords.describe(s.device(), s.ip(), locale))).toList();
    }

    /** Every device ever remembered, forgotten and expired ones too, newest first, described in {@code locale}. */
    public List<DeviceRecord> rememberedDevices(String userId, Locale locale) {
        User user = directory.require(userId);
        return em.createNamedQuery(RememberedDevice.OF_USER, RememberedDevice.class).setParameter("user", user)
                .getResultStream().map(d -> new DeviceRecord(d.createdAt(), d.expiresAt(), d.forgottenAt(), d.ip(),
                        d.device(), DeviceWords.describe(d.device(), d.ip(), locale))).toList();
    }
}
