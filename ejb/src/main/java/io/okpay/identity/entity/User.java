package io.okpay.identity.entity;

import io.okpay.identity.control.UserChangeListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A person with an OKPay account. The e-mail address is stored lower-case; it is how people sign in. */
@Entity
@EntityListeners(UserChangeListener.class)
@Table(name = "app_user")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false)
    private String publicId;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String locale;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(nullable = false)
    private String roles;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    @Column(name = "email_codes", nullable = false)
    private boolean emailCodes;

    @Column(name = "codes_new_device_only", nullable = false)
    private boolean codesNewDeviceOnly;

    @Column(name = "totp_secret")
    private String sealedTotpSecret;

    @Column(name = "totp_enabled", nullable = false)
    private boolean totpEnabled;

    @Column(name = "phone")
    private String sealedPhone;

    /** The blind index of the phone number (keyed HMAC), so operators can find the person by it; null without a number. */
    @Column(name = "phone_digest")
    private String phoneDigest;

    @Column(name = "sms_codes", nullable = false)
    private boolean smsCodes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    @Version
    private long version;

    protected User() {
    }

    public User(String publicId, String email, String username, String passwordHash, Locale locale, ZoneId timeZone,
                Instant now) {
        this.publicId = publicId;
        this.email = email;
        this.username = username;
        this.passwordHash = passwordHash;
        this.locale = locale.toLanguageTag();
        this.timeZone = timeZone.getId();
        this.roles = Role.USER.name();
        // A code by e-mail at every sign-in from the start, as the product promises.
        this.emailCodes = true;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String email() {
        return email;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    /** The zone the person reads dates in. */
    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public void changeTimeZone(ZoneId zone) {
        timeZone = zone.getId();
    }

    public Set<Role> roles() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public void grant(Role role) {
        Set<Role> granted = roles();
        granted.add(role);
        roles = granted.stream().map(Role::name).collect(Collectors.joining(","));
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    public void verifyEmail(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
        }
    }

    public boolean emailCodes() {
        return emailCodes;
    }

    public void useEmailCodes(boolean on) {
        emailCodes = on;
    }

    /** Whether a remembered device may sign in without a code ("ask only on a new device"); never for operators. */
    public boolean codesNewDeviceOnly() {
        return codesNewDeviceOnly && roles().stream().noneMatch(Role::isOperator);
    }

    public void askCodesOnlyOnNewDevice(boolean onlyNew) {
        codesNewDeviceOnly = onlyNew;
    }

    /** Whether signing in needs a one-time code after the password: when chosen, and always for operators. */
    public boolean secondFactor() {
        return emailCodes || smsCodes || totpEnabled || roles().stream().anyMatch(Role::isOperator);
    }

    /** Where a code is asked for: the authenticator app, else SMS, else e-mail. */
    public Challenge.Channel strongestChannel() {
        return totpEnabled ? Challenge.Channel.TOTP : smsCodes && sealedPhone != null ? Challenge.Channel.SMS : Challenge.Channel.EMAIL;
    }

    public boolean totpEnabled() {
        return totpEnabled;
    }

    /** The sealed secret of the authenticator app: enabled, or pending until a first code confirms it. */
    public String sealedTotpSecret() {
        return sealedTotpSecret;
    }

    public void pendTotp(String sealedSecret) {
        sealedTotpSecret = sealedSecret;
        totpEnabled = false;
    }

    public void enableTotp() {
        totpEnabled = sealedTotpSecret != null;
    }

    /** Without the app, codes come by SMS if set up, else by e-mail. */
    public void disableTotp() {
        totpEnabled = false;
        sealedTotpSecret = null;
        emailCodes = emailCodes || !smsCodes;
    }

    public boolean smsCodes() {
        return smsCodes;
    }

    public String sealedPhone() {
        return sealedPhone;
    }

    /** A new number is not used for codes until a code sent to it came back. */
    public void changePhone(String sealed, String digest) {
        sealedPhone = sealed;
        phoneDigest = digest;
        smsCodes = false;
    }

    public String phoneDigest() {
        return phoneDigest;
    }

    /** The blind index of a number sealed before there was one. */
    public void changePhoneDigest(String digest) {
        phoneDigest = digest;
    }

    /** An operator reset the second factors after checking who the person is: codes come by e-mail again. */
    public void resetSecondFactors() {
        totpEnabled = false;
        sealedTotpSecret = null;
        smsCodes = false;
        emailCodes = true;
    }

    /** Takes an operator role away (never USER or MERCHANT). */
    public void revoke(Role role) {
        Set<Role> granted = roles();
        granted.remove(role);
        roles = granted.stream().map(Role::name).collect(Collectors.joining(","));
    }

    public void useSmsCodes(boolean on) {
        smsCodes = on && sealedPhone != null;
    }

    public void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
    }

    /** A stronger hash of the same password, after the parameters were raised; not a password change. */
    public void rehashPassword(String newHash) {
        passwordHash = newHash;
    }

    /** A new address is unverified until its own link is used. */
    public void changeEmail(String newEmail) {
        email = newEmail;
        emailVerifiedAt = null;
    }

    public Instant emailVerifiedAt() {
        return emailVerifiedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When the person closed the account; null while it is open. A closed account never opens again. */
    public Instant closedAt() {
        return closedAt;
    }

    public boolean closed() {
        return closedAt != null;
    }

    public void close(Instant now) {
        if (closedAt == null) {
            closedAt = now;
        }
    }

    /** When the retention job replaced the personal data with anonymous values; null before. */
    public Instant anonymisedAt() {
        return anonymisedAt;
    }

    public void changeLocale(Locale newLocale) {
        locale = newLocale.toLanguageTag();
    }
}
