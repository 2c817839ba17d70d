package io.okpay.identity.control;

import io.okpay.identity.entity.Challenge;
import io.okpay.shared.crypto.MasterKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * Checks one answer to a challenge in a transaction of its own, so that a wrong answer is counted even though the
 * caller's transaction rolls back with the refusal. The row is locked: concurrent guesses cannot exceed five.
 */
@ApplicationScoped
public class ChallengeAnswers {

    public enum Outcome { PASSED, WRONG, NO_TRIES_LEFT, EXPIRED }

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    SecondFactors secondFactors;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome check(String challengeId, Long userId, String purpose, String code) {
        Challenge challenge = em.createNamedQuery(Challenge.LOCK, Challenge.class)
                .setParameter("id", challengeId == null ? "" : challengeId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        // Someone else's challenge, or one issued for something else, is as good as none.
        if (challenge == null || !challenge.user().id().equals(userId) || !challenge.purpose().equals(purpose)) {
            return Outcome.EXPIRED;
        }
        Instant now = Instant.now();
        if (challenge.attempts() >= Challenge.MAX_ATTEMPTS && !challenge.passed()) {
            return Outcome.NO_TRIES_LEFT;
        }
        if (!challenge.open(now)) {
            return Outcome.EXPIRED;
        }
        challenge.tried();
        String answer = code == null ? "" : code.trim();
        boolean right;
        if (challenge.purpose().startsWith("sign-in:") && SecondFactors.looksLikeRecoveryCode(answer)) {
            // Lost the phone or the app: a recovery code signs in instead, once.
            right = secondFactors.acceptRecoveryCode(challenge.user(), answer);
        } else if (challenge.channel() == Challenge.Channel.TOTP) {
            right = secondFactors.acceptTotp(challenge.user(), answer);
        } else {
            right = answer.matches("\\d{6}") && MessageDigest.isEqual(
                    challenge.codeHash().getBytes(StandardCharsets.US_ASCII),
                    masterKey.hmac("otp", challenge.publicId() + ":" + answer).getBytes(StandardCharsets.US_ASCII));
        }
        if (right) {
            challenge.pass(now);
            return Outcome.PASSED;
        }
        return challenge.attempts() >= Challenge.MAX_ATTEMPTS ? Outcome.NO_TRIES_LEFT : Outcome.WRONG;
    }
}
