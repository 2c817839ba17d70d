package io.okpay.identity.boundary;

import io.okpay.identity.control.Challenges;
import io.okpay.identity.control.UserDirectory;
import io.okpay.identity.entity.User;
import io.okpay.shared.BusinessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Asks the person to prove again that it is them before a high-risk action (a large payment, a new recipient, changing
 * the e-mail address, the password or the second factor). {@link #begin} sends a one-time code on the person's
 * strongest factor; {@link #verify} returns only when the code for that very action was given, and throws otherwise.
 * The action name ties the code to what it was issued for: a code for "change-password" does not approve a payment.
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
        try {
            challenges.resend(challengeId, user);
            return challengeId;
        } catch (BusinessException spent) {
            if (!"code_expired".equals(spent.code())) {
                throw spent;
            }
            return challenges.issue(user, purpose(action), "stepup.action." + action);
        }
    }

    public void verify(String userId, String challengeId, String action, String code) {
        challenges.verify(challengeId, directory.require(userId), purpose(action), code);
    }

    private static String purpose(String action) {
        return "step-up:" + action;
    }
}
