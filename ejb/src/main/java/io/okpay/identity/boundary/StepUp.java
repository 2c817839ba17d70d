package io.okpay.identity.boundary;

import io.okpay.identity.control.Challenges;
import io.okpay.identity.control.UserDirectory;
import io.okpay.identity.entity.User;
import io.okpay.shared.BusinessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/**
 * Asks the person to prove again that it is them before a high-risk action (a large payment, a new recipient, changing
 * the e-mail address, the password or the second factor). {@link #begin} sends a one-time code on the person's
 * strongest factor; {@link #verify} returns only when the code for that very action was given, and throws otherwise.
 * The action name ties the code to what it was issued for: a code for "change-password" does not approve a payment.
 * A code before money leaves is bound tighter still, to one {@link Operation} (dynamic linking): its message names the
 * amount and the payee, and it approves that amount, currency and payee only.
 */
@Stateless
public class StepUp {

    @Inject
    UserDirectory directory;

    @Inject
    Challenges challenges;

    /** Issues a challenge for the action; returns its id, which the caller hands back with the code. */
    public String begin(String userId, String action) {
        User user = directory.require(userId);
        return challenges.issue(user, purpose(action), "stepup.action." + action);
    }

    /** Issues a challenge for one operation (action, amount, currency, payee) and sends a code that names them. */
    public String begin(String userId, Operation operation) {
        User user = directory.require(userId);
        return challenges.issue(user, purpose(operation.action()), operation);
    }

    /**
     * Returns only when the code answers the challenge issued for this very operation; a code for another amount,
     * currency or payee is refused (step_up_mismatch), as is a wrong, used or expired one.
     */
    public void verify(String userId, String challengeId, Operation operation, String code) {
        challenges.verify(challengeId, directory.require(userId), purpose(operation.action()), operation, code);
    }

    /** "Send the code again" for a challenge bound to an operation; a new challenge for it when the old one is spent. */
    public String sendAgain(String userId, String challengeId, Operation operation) {
        User user = directory.require(userId);
        return sendAgain(user, challengeId, () -> challenges.issue(user, purpose(operation.action()), operation));
    }

    /**
     * Sends the code of one of the person's open challenges again (an action's, or a new phone number's), on the
     * channel it first went to; refused within 30 seconds of the last code and after five.
     */
    public void resend(String userId, String challengeId) {
        challenges.resend(challengeId, directory.require(userId));
    }

    /**
     * "Send the code again" on a page: the same challenge when it can still be answered (throttled as
     * {@link #resend}), else a new one for the action (its code was used up by wrong tries). Returns the id to answer.
     */
    public String sendAgain(String userId, String challengeId, String action) {
        User user = directory.require(userId);
        return sendAgain(user, challengeId, () -> challenges.issue(user, purpose(action), "stepup.action." + action));
    }

    /** The same challenge again while it can be answered, else a new one ({@code issue}). */
    private String sendAgain(User user, String challengeId, Supplier<String> issue) {
        try {
            challenges.resend(challengeId, user);
            return challengeId;
        } catch (BusinessException spent) {
            if (!"code_expired".equals(spent.code())) {
                throw spent;
            }
            return issue.get();
        }
    }

    public void verify(String userId, String challengeId, String action, String code) {
        challenges.verify(challengeId, directory.require(userId), purpose(action), code);
    }

    private static String purpose(String action) {
        return "step-up:" + action;
    }
}
