package io.okpay.identity.control;

import io.okpay.identity.boundary.Operation;
import io.okpay.identity.entity.Challenge;
import io.okpay.identity.entity.User;
import io.okpay.notification.boundary.Mail;
import io.okpay.notification.boundary.Sms;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.Money;
import io.okpay.shared.crypto.MasterKey;
import io.okpay.shared.crypto.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;

/**
 * Issues one-time codes and checks answers. A challenge belongs to one user and one purpose (a sign-in attempt, or an
 * action); a code from another challenge, a used or expired one, or a sixth try is refused.
 */
@ApplicationScoped
public class Challenges {

    static final Duration RESEND_AFTER = Duration.ofSeconds(30);
    static final int MAX_SENDS = 5;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    Mail mail;

    @Inject
    Sms sms;

    @Inject
    SecondFactors secondFactors;

    @Inject
    ChallengeAnswers answers;

    @Inject
    MasterKey masterKey;

    /** Creates a challenge on the person's strongest factor and sends its code; returns the challenge's public id. */
    public String issue(User user, String purpose, String what) {
        return issue(user, purpose, what, user.strongestChannel());
    }

    /** The same on a given channel (a new phone number is checked by SMS before it counts as a factor). */
    public String issue(User user, String purpose, String what, Challenge.Channel channel) {
        Instant now = Instant.now();
        Challenge challenge = new Challenge(Secrets.publicId("chl"), user, purpose, channel, now);
        if (channel != Challenge.Channel.TOTP) {
            String code = Secrets.sixDigitCode();
            challenge.setCode(hash(challenge.publicId(), code));
            send(user, channel, code, what);
        }
        em.persist(challenge);
        return challenge.publicId();
    }

    /**
     * A challenge bound to one operation (dynamic linking): the digest of its action, amount, currency and payee is
     * stored with it, and the code's message names the amount and the payee ("123456 approves sending 25.00 USD to
     * bob@example.com"), so that the person sees what they approve and a code cannot approve anything else.
     */
    public String issue(User user, String purpose, Operation operation) {
        Instant now = Instant.now();
        Challenge.Channel channel = user.strongestChannel();
        Challenge challenge = new Challenge(Secrets.publicId("chl"), user, purpose, channel, now);
        Money amount = operation.amount();
        challenge.bind(digest(operation), amount.minor(), amount.exponent(), amount.currency(), operation.payee());
        if (channel != Challenge.Channel.TOTP) {
            String code = Secrets.sixDigitCode();
            challenge.setCode(hash(challenge.publicId(), code));
            sendBound(user, channel, code, challenge);
        }
        em.persist(challenge);
        return challenge.publicId();
    }

    /** The binding digest of an operation: an HMAC under the master key, so the stored value reveals nothing. */
    public String digest(Operation operation) {
        return masterKey.hmac("step-up-binding", operation.canonical());
    }

    /**
     * A new code for the same challenge, on the same channel: not within 30 seconds of the last one, at most five in
     * all. The new code replaces the one sent before (only the newest works, so a code read from an old message fails
     * rather than a code that was never sent succeeding); the tries already used stay used.
     */
    public void resend(String challengeId, User user) {
        Challenge challenge = em.createNamedQuery(Challenge.BY_PUBLIC_ID, Challenge.class)
                .setParameter("id", challengeId == null ? "" : challengeId).getResultStream()
                .filter(c -> c.user().id().equals(user.id())).findFirst()
                .orElseThrow(() -> new BusinessException("code_expired"));
        Instant now = Instant.now();
        if (challenge.passed() || challenge.attempts() >= Challenge.MAX_ATTEMPTS) {
            throw new BusinessException("code_expired");
        }
        if (challenge.channel() == Challenge.Channel.TOTP) {
            throw new BusinessException("code_from_app");
        }
        if (challenge.sends() >= MAX_SENDS) {
            throw new BusinessException("resend_limit", MAX_SENDS);
        }
        Instant allowed = challenge.lastSentAt().plus(RESEND_AFTER);
        if (allowed.isAfter(now)) {
            // Whole seconds, rounded up: "wait 0 seconds" would invite a click that is refused again.
            throw new BusinessException("resend_too_soon", (Duration.between(now, allowed).toMillis() + 999) / 1000);
        }
        String code = Secrets.sixDigitCode();
        challenge.resent(hash(challenge.publicId(), code), now);
        if (challenge.boundDigest() != null) {
            sendBound(user, challenge.channel(), code, challenge);
        } else {
            send(user, challenge.channel(), code, what(challenge.purpose()));
        }
    }

    /** The words for what a challenge approves, as its first code named it ("signing in", "sending money"). */
    private static String what(String purpose) {
        if (purpose.startsWith("sign-in:")) {
            return "code.purpose.sign-in";
        }
        return "stepup.action." + (purpose.startsWith("step-up:") ? purpose.substring("step-up:".length()) : purpose);
    }

    /** Returns only when the code answers this user's challenge for this purpose; every try counts, even on failure. */
    public void verify(String challengeId, User user, String purpose, String code) {
        verify(challengeId, user, purpose, null, code);
    }

    /**
     * As {@link #verify(String, User, String, String)} for a challenge bound to one operation: a code issued for
     * another operation (another amount, currency or payee) is refused with step_up_mismatch, and uses no try.
     */
    public void verify(String challengeId, User user, String purpose, Operation operation, String code) {
        ChallengeAnswers.Outcome outcome = answers.check(challengeId, user.id(), purpose,
                operation == null ? null : digest(operation), code);
        switch (outcome) {
            case PASSED -> {
            }
            case MISMATCH -> throw new BusinessException("step_up_mismatch");
            case WRONG -> throw new BusinessException("code_invalid");
            case NO_TRIES_LEFT -> throw new BusinessException("code_attempts_exceeded");
            default -> throw new BusinessException("code_expired");
        }
    }

    private String hash(String challengeId, String code) {
        return masterKey.hmac("otp", challengeId + ":" + code);
    }

    private void sendBound(User user, Challenge.Channel channel, String code, Challenge challenge) {
        Money amount = new Money(challenge.boundAmount(), challenge.boundCurrency(), challenge.boundExponent());
        String action = challenge.purpose().startsWith("step-up:")
                ? challenge.purpose().substring("step-up:".length()) : challenge.purpose();
        // "25.00 USD" in every language: the code's message is read against the amount typed, digit for digit.
        String words = Messages.get(user.locale(), "stepup.operation." + action,
                amount.toDecimal() + " " + amount.currency(), challenge.boundPayee());
        if (channel == Challenge.Channel.SMS) {
            sms.send(secondFactors.phone(user), user.locale(), "code-approves", code, words);
        } else {
            mail.sendSecret(user.email(), user.locale(), "code-approves", 0, code, words);
        }
    }

    private void send(User user, Challenge.Channel channel, String code, String what) {
        if (channel == Challenge.Channel.SMS) {
            sms.send(secondFactors.phone(user), user.locale(), "code", code, Messages.get(user.locale(), what));
        } else {
            mail.sendSecret(user.email(), user.locale(), "code", 0, code, Messages.get(user.locale(), what));
        }
    }
}
