package io.okpay.identity.boundary;

import io.okpay.identity.entity.Role;
import io.okpay.identity.entity.User;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * Who someone is, for other features and for the pages: the public id ({@code usr_...}), how to address them, the
 * language and time zone they read in, and whether their e-mail address is verified (money may only move once it is).
 */
public record UserView(String id, String email, String displayName, Locale locale, ZoneId timeZone, boolean emailVerified,
                       Set<Role> roles, boolean emailCodes, boolean authenticatorApp, boolean smsCodes,
                       String secondFactor, boolean codesOnlyOnNewDevice) implements Serializable {

    static UserView of(User user) {
        return new UserView(user.publicId(), user.email(), user.username(), user.locale(), user.timeZone(), user.emailVerified(),
                Set.copyOf(user.roles()), user.emailCodes(), user.totpEnabled(), user.smsCodes(),
                user.secondFactor() ? user.strongestChannel().name() : "NONE", user.codesNewDeviceOnly());
    }

    /** Where a step-up code comes from (EMAIL, SMS or TOTP): the strongest factor, e-mail for those without one. */
    public String codeChannel() {
        return authenticatorApp ? "TOTP" : smsCodes ? "SMS" : "EMAIL";
    }

    /** Staff (support, finance, compliance, admin): always a code at sign-in. */
    public boolean operator() {
        return roles.stream().anyMatch(Role::isOperator);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
