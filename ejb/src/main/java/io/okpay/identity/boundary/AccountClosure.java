package io.okpay.identity.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.control.AccountErasure;
import io.okpay.identity.control.RefreshTokens;
import io.okpay.identity.control.UserDirectory;
import io.okpay.identity.entity.User;
import io.okpay.notification.boundary.Mail;
import io.okpay.shared.BusinessException;
import io.okpay.shared.TimeZones;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * The end of an account's life in identity: closing it (after a step-up code) and, once the legal retention period
 * ({@code okpay.closure.retention-days}) has passed, replacing the person's personal data with anonymous values.
 * Whether money stands in the way is for the caller to settle first (the privacy feature checks the balances).
 * <p>
 * A closed account cannot sign in (the same answer as a wrong password), its sessions and refresh tokens are ended,
 * its access tokens refused ({@link ClosedAccounts}), and nobody finds it to send money to. Its e-mail address and
 * username stay taken until the anonymisation frees them.
 */
@Stateless
public class AccountClosure {

    public static final String CLOSE_ACCOUNT = "close-account";

    @Inject
    UserDirectory directory;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    AccountErasure erasure;

    @Inject
    ClosedAccounts closedAccounts;

    @EJB
    StepUp stepUp;

    @EJB
    Mail mail;

    @EJB
    AuditLog auditLog;

    @Inject
    @ConfigProperty(name = "okpay.closure.retention-days", defaultValue = "1825")
    int retentionDays;

    /** What a closure did: when, and from when on the personal data may be erased. */
    public record Closed(String userId, Instant closedAt, Instant eraseAfter) {
    }

    /** Sends a code that approves closing the account; the id of its challenge. */
    public String begin(String userId) {
        requireOpen(userId);
        return stepUp.begin(userId, CLOSE_ACCOUNT);
    }

    /**
     * Closes the account with the code of a {@link #CLOSE_ACCOUNT} challenge: every session and refresh token ends,
     * access tokens are refused, and the person gets an e-mail in their language saying how long their data is kept.
     */
    public Closed close(String userId, String challengeId, String code) {
        User user = requireOpen(userId);
        stepUp.verify(userId, challengeId, CLOSE_ACCOUNT, code);
        Instant now = Instant.now();
        user.close(now);
        directory.endSessions(user, null);
        refreshTokens.revokeAll(user.publicId());
        closedAccounts.refuseAfterCommit(user.publicId());
        Instant eraseAfter = now.plus(retention());
        auditLog.record(user.publicId(), "ACCOUNT_CLOSED", "-", "sessions and refresh tokens ended; data kept until " + eraseAfter);
        mail.send(user.email(), user.locale(), "account-closed", user.username(),
                TimeZones.format(now, user.timeZone(), user.locale()), String.valueOf(retentionDays),
                directory.page("/legal/privacy.xhtml"));
        return new Closed(user.publicId(), now, eraseAfter);
    }

    /** Whether the account is closed (unknown ids are not). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isClosed(String userId) {
        return directory.find(userId).map(User::closed).orElse(false);
    }

    /**
     * The retention job's work as of {@code now}: anonymises every account closed longer ago than the retention period,
     * each in a transaction of its own claimed by a conditional UPDATE, so instances running it together (or twice)
     * anonymise each account once. Returns how many this call anonymised.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int eraseDue(Instant now) {
        Instant closedBefore = now.minus(retention());
        int done = 0;
        for (long id : erasure.due(closedBefore, 500)) {
            if (erasure.anonymise(id, closedBefore, now)) {
                done++;
            }
        }
        return done;
    }

    private Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    private User requireOpen(String userId) {
        User user = directory.require(userId);
        if (user.closed()) {
            throw new BusinessException("account_closed");
        }
        return user;
    }
}
