package io.okpay.identity.boundary;

import io.okpay.identity.control.PasswordHasher;
import io.okpay.identity.control.PasswordPolicy;
import io.okpay.identity.control.RefreshTokens;
import io.okpay.identity.control.UserDirectory;
import io.okpay.identity.entity.User;
import io.okpay.notification.boundary.Mail;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

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
        return UserView.of(user);
    }
}
