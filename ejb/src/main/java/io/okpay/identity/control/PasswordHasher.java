package io.okpay.identity.control;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import io.okpay.shared.BusinessException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id, by default with the OWASP minimum (m = 19 MiB, t = 2, p = 1), stored in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} so that stronger parameters can come later and old hashes still
 * verify (and are rehashed at the next sign-in). {@link PasswordCost} sets other parameters at start-up.
 */
public final class PasswordHasher {

    /** Memory (KiB) and passes of new hashes. */
    public record Cost(int memoryKib, int iterations) {

        public static final Cost OWASP_MINIMUM = new Cost(19 * 1024, 2);

        public boolean weakerThan(Cost other) {
            return memoryKib < other.memoryKib || iterations < other.iterations;
        }
    }

    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private static volatile Cost cost = Cost.OWASP_MINIMUM;
    /**
     * Each hash holds its memory cost while it runs: a flood of sign-ins must queue here briefly and then be refused,
     * not run thousands of hashes at once. {@link PasswordCost} sets the size and the wait at start-up.
     */
    private static volatile Pool pool = new Pool(Math.max(2, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(2));
    /** Verifying against this costs as much as against a real hash: unknown e-mails answer as slowly as wrong passwords. */
    private static volatile String decoy = hash("decoy password that matches nothing");

    private PasswordHasher() {
    }

    /** The parameters of new hashes from now on (and of the decoy, so that its timing still matches). */
    static void use(Cost newCost) {
        cost = newCost;
        decoy = hash("decoy password that matches nothing");
    }

    /** At most {@code permits} hashes at once; a caller waits up to {@code wait} for its turn. */
    static void bound(int permits, Duration wait) {
        pool = new Pool(permits, wait);
    }

    public static String hash(String password) {
        Cost now = cost;
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, now.memoryKib(), now.iterations(), PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + now.memoryKib() + ",t=" + now.iterations() + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    public static boolean verify(String password, String encoded) {
        Matcher phc = encoded == null ? null : PHC.matcher(encoded);
        if (password == null || phc == null || !phc.matches()) {
            return false;
        }
        byte[] expected = B64D.decode(phc.group(5));
        byte[] actual = argon2(password, B64D.decode(phc.group(4)), Integer.parseInt(phc.group(1)),
                Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of one verification, for callers that have no hash to check against. */
    public static void verifyDecoy(String password) {
        verify(password == null ? "" : password, decoy);
    }

    /** True when the hash was made with weaker parameters than today's. */
    public static boolean needsRehash(String encoded) {
        Matcher phc = PHC.matcher(encoded);
        return !phc.matches() || new Cost(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2))).weakerThan(cost);
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Pool bounded = pool;
        bounded.enter();
        try {
            return argon2Now(password, salt, memoryKib, iterations, parallelism, length);
        } finally {
            bounded.leave();
        }
    }

    private static byte[] argon2Now(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /** Permits for running hashes; refusing with {@code password_check_busy} (retry after a second) after the wait. */
    static final class Pool {
        private final Semaphore permits;
        private final Duration wait;

        Pool(int permits, Duration wait) {
            this.permits = new Semaphore(permits);
            this.wait = wait;
        }

        void enter() {
            boolean entered;
            try {
                entered = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                entered = false;
            }
            if (!entered) {
                throw new BusinessException("password_check_busy", 1);
            }
        }

        void leave() {
            permits.release();
        }
    }
}
