package io.okpay.identity.control;

import io.okpay.identity.entity.RecoveryCode;
import io.okpay.identity.entity.User;
import io.okpay.shared.crypto.MasterKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Authenticator-app codes (with replay protection: a time step is good once) and recovery codes (ten, single use,
 * shown once, stored as HMAC). Runs inside the caller's transaction.
 */
@ApplicationScoped
public class SecondFactors {

    public static final int RECOVERY_CODES = 10;
    private static final Pattern RECOVERY_FORMAT = Pattern.compile("[a-z0-9]{5}-?[a-z0-9]{5}");
    private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOTP_CONTEXT = "totp-secret:";
    private static final String PHONE_CONTEXT = "phone:";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    public String sealPhone(User user, String phoneNumber) {
        return masterKey.seal(phoneNumber.getBytes(StandardCharsets.US_ASCII), PHONE_CONTEXT + user.publicId());
    }

    /**
     * The blind index of a number in international format: HMAC under a key of its own, the same for equal numbers,
     * so the number can be found without being stored readable.
     */
    public String phoneDigest(String phoneNumber) {
        return masterKey.hmac("phone-lookup", phoneNumber);
    }

    /**
     * A number as people type it ({@code +44 7911-123 456}, {@code 0044 (7911) 123456}) in the stored form
     * ({@code +447911123456}); empty when it is not a phone number.
     */
    public static java.util.Optional<String> normalizePhone(String typed) {
        String number = typed == null ? "" : typed.replaceAll("[\\s\\-().]", "");
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        }
        return number.matches("\\+[1-9][0-9]{6,14}") ? java.util.Optional.of(number) : java.util.Optional.empty();
    }

    public String phone(User user) {
        return new String(masterKey.open(user.sealedPhone(), PHONE_CONTEXT + user.publicId()), StandardCharsets.US_ASCII);
    }

    public String sealTotpSecret(User user, String base32Secret) {
        return masterKey.seal(base32Secret.getBytes(StandardCharsets.US_ASCII), TOTP_CONTEXT + user.publicId());
    }

    public String totpSecret(User user) {
        return new String(masterKey.open(user.sealedTotpSecret(), TOTP_CONTEXT + user.publicId()), StandardCharsets.US_ASCII);
    }

    /** True when the code is the app's code for now (±1 step) and that step was not used before; then it is used. */
    public boolean acceptTotp(User user, String code) {
        if (user.sealedTotpSecret() == null) {
            return false;
        }
        long step = Totp.matchingStep(totpSecret(user), code, Instant.now());
        if (step < 0) {
            return false;
        }
        List<?> last = em.createNativeQuery("SELECT last_step FROM totp_replay WHERE user_id = ?1 FOR UPDATE")
                .setParameter(1, user.id()).getResultList();
        if (!last.isEmpty() && ((Number) last.get(0)).longValue() >= step) {
            return false;
        }
        em.createNativeQuery("INSERT INTO totp_replay (user_id, last_step) VALUES (?1, ?2) ON DUPLICATE KEY UPDATE last_step = ?2")
                .setParameter(1, user.id()).setParameter(2, step).executeUpdate();
        return true;
    }

    public static boolean looksLikeRecoveryCode(String answer) {
        return answer != null && RECOVERY_FORMAT.matcher(normalize(answer)).matches();
    }

    /** Uses up the recovery code when it is one of the user's unused ones. */
    public boolean acceptRecoveryCode(User user, String answer) {
        return em.createNamedQuery(RecoveryCode.UNUSED, RecoveryCode.class)
                .setParameter("user", user).setParameter("hash", recoveryHash(user, answer))
                .getResultStream().findFirst()
                .map(code -> {
                    code.use(Instant.now());
                    return true;
                }).orElse(false);
    }

    /** Whether the person has a recovery code left, so that a prompt may mention them. */
    public boolean hasRecoveryCodes(User user) {
        return em.createNamedQuery(RecoveryCode.COUNT_UNUSED, Long.class).setParameter("user", user).getSingleResult() > 0;
    }

    /** Replaces all recovery codes with ten new ones; returns them, to be shown once. */
    public List<String> newRecoveryCodes(User user) {
        deleteRecoveryCodes(user);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET[RANDOM.nextInt(RECOVERY_ALPHABET.length)]);
            }
            code.insert(5, '-');
            codes.add(code.toString());
            em.persist(new RecoveryCode(user, recoveryHash(user, code.toString())));
        }
        return codes;
    }

    /** The person's recovery codes stop working (an operator reset the second factors). */
    public int deleteRecoveryCodes(User user) {
        // Read first, then delete by primary key: a DELETE by person would also lock the gaps of the person index,
        // and two people replacing their codes at once would deadlock on each other's new ones.
        List<Long> ids = em.createNamedQuery(RecoveryCode.IDS, Long.class).setParameter("user", user).getResultList();
        return ids.isEmpty() ? 0 : em.createNamedQuery(RecoveryCode.DELETE).setParameter("ids", ids).executeUpdate();
    }

    private String recoveryHash(User user, String answer) {
        return masterKey.hmac("recovery-code", user.publicId() + ":" + normalize(answer).replace("-", ""));
    }

    private static String normalize(String answer) {
        return answer.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    }
}
