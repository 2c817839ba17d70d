package io.okpay.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.okpay.identity.entity.SigningKey;
import io.okpay.shared.crypto.MasterKey;
import io.okpay.shared.crypto.Secrets;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.logging.Logger;

/**
 * The RSA keys that sign access tokens, shared by every instance of a cluster through the database. Every instance
 * reads them at start-up and again every {@code okpay.jwt.key-refresh}; when the newest key is older than
 * {@code okpay.jwt.key-rotation}, the first instance to notice makes a new one under the lock row, so instances that
 * start or rotate together still make one key. A new key is published at once and signs after
 * {@code okpay.jwt.key-activation-delay} (longer than a refresh plus Payara's five-minute cache of the key set), so no
 * instance ever meets a token whose key it has not read yet; a replaced key stays published until its tokens have
 * expired (see {@link KeyRing}). The public JWK Set goes to /.well-known/jwks.json and to Payara's token verification.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final String SEAL_CONTEXT = "jwt-signing-key:";
    /** How long Payara's MicroProfile JWT keeps the key set it read (its default: no payara-mp-jwt.properties here). */
    static final Duration PAYARA_KEY_CACHE = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String issuer;

    @Inject
    @ConfigProperty(name = "okpay.jwt.audience")
    String audience;

    @Inject
    @ConfigProperty(name = "okpay.jwt.key-rotation")
    Duration rotation;

    @Inject
    @ConfigProperty(name = "okpay.jwt.key-activation-delay")
    Duration activationDelay;

    @Inject
    @ConfigProperty(name = "okpay.jwt.key-refresh")
    Duration refresh;

    /** What signs and what is published; replaced whole by each refresh, so readers never see half of one. */
    private record Loaded(RSAKey signing, String jwks) {

        @Override
        public String toString() {
            return "Loaded[" + signing.getKeyID() + "]";
        }
    }

    private volatile Loaded loaded;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void start() {
        if (activationDelay.compareTo(refresh.plus(PAYARA_KEY_CACHE)) <= 0) {
            throw new IllegalStateException("okpay.jwt.key-activation-delay (" + activationDelay + ") must be longer than "
                    + "okpay.jwt.key-refresh (" + refresh + ") plus Payara's " + PAYARA_KEY_CACHE + " key cache");
        }
        refresh(Instant.now());
        timers.createIntervalTimer(refresh.toMillis(), refresh.toMillis(), new TimerConfig("signing-keys", false));
    }

    @Timeout
    @Lock(LockType.READ)
    void scheduled() {
        refresh(Instant.now());
    }

    /**
     * Reads the stored keys, first making a new one if the rotation is due at {@code rotateAt} (the current time; tests
     * look ahead), and publishes what {@link KeyRing} says for now. The lock row is the transaction's first statement:
     * whoever waited for it then reads the keys the other instance committed.
     *
     * @return the kid of the key made here, or null
     */
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String refresh(Instant rotateAt) {
        em.createNativeQuery("SELECT id FROM signing_key_lock WHERE id = 1 FOR UPDATE").getSingleResult();
        List<SigningKey> stored = new ArrayList<>(em.createQuery("SELECT k FROM SigningKey k", SigningKey.class).getResultList());
        KeyRing ring = ring(stored);
        String made = null;
        if (ring.rotationDue(rotateAt)) {
            SigningKey created = generate(rotateAt, ring.signsFromForNewKey(rotateAt));
            em.persist(created);
            stored.add(created);
            ring = ring(stored);
            made = created.kid();
            LOG.info(() -> "New token signing key " + created.kid() + ", signing from " + created.signsFrom());
        }
        Instant now = Instant.now();
        Map<String, SigningKey> byKid = stored.stream().collect(Collectors.toMap(SigningKey::kid, k -> k));
        List<JWK> published = ring.published(now).stream().map(e -> (JWK) publicKey(byKid.get(e.kid()))).toList();
        String jwks = new JWKSet(published).toString(true);
        loaded = new Loaded(privateKey(byKid.get(ring.signing(now).kid())), jwks);
        JwtVerificationConfig.publish(jwks, issuer(), audience);
        return made;
    }

    private KeyRing ring(List<SigningKey> stored) {
        return new KeyRing(stored.stream().map(k -> new KeyRing.Entry(k.kid(), k.createdAt(), k.signsFrom())).toList(),
                rotation, activationDelay, TokenSigner.ACCESS_TOKEN_LIFETIME);
    }

    @Lock(LockType.READ)
    public String sign(String kind, String subject, Set<String> groups) {
        return TokenSigner.sign(loaded.signing(), issuer(), audience, kind, subject, groups, Instant.now(),
                TokenSigner.ACCESS_TOKEN_LIFETIME);
    }

    /** The public keys, as served at /.well-known/jwks.json. */
    @Lock(LockType.READ)
    public String jwks() {
        return loaded.jwks();
    }

    @Lock(LockType.READ)
    public String issuer() {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /** The {@code aud} of every access token, the one audience the API accepts. */
    @Lock(LockType.READ)
    public String audience() {
        return audience;
    }

    private SigningKey generate(Instant now, Instant signsFrom) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(Secrets.publicId("key")).keyUse(KeyUse.SIGNATURE).generate();
            String sealed = masterKey.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), SEAL_CONTEXT + key.getKeyID());
            return new SigningKey(key.getKeyID(), sealed, key.toPublicJWK().toJSONString(), now, signsFrom);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a token signing key", e);
        }
    }

    private RSAKey privateKey(SigningKey key) {
        try {
            return RSAKey.parse(new String(masterKey.open(key.sealedPrivateJwk(), SEAL_CONTEXT + key.kid()), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("Stored signing key " + key.kid() + " is not a JWK", e);
        }
    }

    private static RSAKey publicKey(SigningKey key) {
        try {
            return RSAKey.parse(key.publicJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("Stored public key " + key.kid() + " is not a JWK", e);
        }
    }
}
