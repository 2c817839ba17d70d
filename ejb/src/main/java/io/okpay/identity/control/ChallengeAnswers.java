package io.okpay.identity.control;

import io.okpay.identity.entity.Challenge;
import io.okpay.identity.entity.CodeFailures;
import io.okpay.shared.BusinessException;
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
 * caller's transaction rolls back with the refusal. The row is locked: concurrent guesses cannot exceed five. Wrong
 * answers also count against the account's budget across challenges ({@link CodeFailures}).
 */
@ApplicationScoped
public class ChallengeAnswers {

    public enum Outcome { PASSED, WRONG, NO_TRIES_LEFT, EXPIRED, MISMATCH }

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    SecondFactors secondFactors;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome check(String challengeId, Long userId, String purpose, String code) {
        return check(challengeId, userId, purpose, null, code);
    }

    /**
     * As {@link #check(String, Long, String, String)}; {@code digest} is the binding of the operation being approved
     * (null for none). A challenge bound to another operation, or bound when none is approved (and the reverse), is
     * MISMATCH before any code is looked at: no try is used and nothing is learnt about the code.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome check(String challengeId, Long userId, String purpose, String digest, String code) {
        Challenge challenge = em.createNamedQuery(Challenge.LOCK, Challenge.class)
                .setParameter("id", challengeId == null ? "" : challengeId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        // Someone else's challenge, or one issued for something else, is as good as none.
        if (challenge == null || !challenge.user().id().equals(userId) || !challenge.purpose().equals(purpose)) {
            return Outcome.EXPIRED;
        }
        if (!MessageDigest.isEqual(bytes(challenge.boundDigest()), bytes(digest))) {
            return Outcome.MISMATCH;
        }
        Instant now = Instant.now();
        if (challenge.attempts() >= Challenge.MAX_ATTEMPTS && !challenge.passed()) {
            return Outcome.NO_TRIES_LEFT;
        }
        if (!challenge.open(now)) {
            return Outcome.EXPIRED;
        }
        CodeFailures failures = failuresOf(userId, now);
        long wait = failures.secondsToWait(now);
        if (wait > 0) {
            // Not even the right code: the account's budget of wrong codes is spent for this hour, whatever the challenge.
            throw new BusinessException("too_many_wrong_codes", wait, (wait + 59) / 60);
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
        failures.failed(now);
        return challenge.attempts() >= Challenge.MAX_ATTEMPTS ? Outcome.NO_TRIES_LEFT : Outcome.WRONG;
    }

    private static byte[] bytes(String digest) {
        return digest == null ? new byte[0] : digest.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The account's count of wrong codes, locked for this check. The insert takes the row's exclusive lock at once
     * (also when it exists), so concurrent answers to different challenges of one account wait for each other instead
     * of deadlocking on a shared lock each.
     */
    private CodeFailures failuresOf(Long userId, Instant now) {
        em.createNativeQuery("INSERT INTO otp_failure_budget (user_id, failures, window_started_at) VALUES (?1, 0, ?2) "
                        + "ON DUPLICATE KEY UPDATE failures = failures")
                .setParameter(1, userId).setParameter(2, now).executeUpdate();
        return em.find(CodeFailures.class, userId, LockModeType.PESSIMISTIC_WRITE);
    }
}
