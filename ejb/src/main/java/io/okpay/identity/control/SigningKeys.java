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
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
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
import java.util.Set;
import java.util.logging.Logger;

/**
 * The RSA keys that sign access tokens. At start-up: loads them from the database (every instance of a cluster shares
 * them), makes a new one when there is none or the newest is older than okpay.jwt.key-rotation (the older ones stay
 * published, with their kid, until the tokens they signed have expired), and publishes the public JWK Set for
 * /.well-known/jwks.json and for Payara's token verification. The newest key signs.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final String SEAL_CONTEXT = "jwt-signing-key:";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    @ConfigProperty(name = "okpay.base-url")
    String issuer;

    @Inject
    @ConfigProperty(name = "okpay.jwt.key-rotation")
    Duration rotation;

    private RSAKey current;
    private String jwks;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void load() {
        List<SigningKey> stored = em.createQuery("SELECT k FROM SigningKey k ORDER BY k.createdAt DESC", SigningKey.class)
                .getResultList();
        Instant now = Instant.now();
        if (stored.isEmpty() || stored.get(0).createdAt().plus(rotation).isBefore(now)) {
            SigningKey created = generate(now);
            em.persist(created);
            stored = new ArrayList<>(stored);
            stored.add(0, created);
            LOG.info(() -> "New token signing key " + created.kid());
        }
        current = privateKey(stored.get(0));
        List<JWK> published = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            // An older key signed until the next one replaced it; once its last tokens have expired it verifies nothing.
            if (i == 0 || stored.get(i - 1).createdAt().plus(TokenSigner.ACCESS_TOKEN_LIFETIME).isAfter(now)) {
                published.add(publicKey(stored.get(i)));
            }
        }
        jwks = new JWKSet(published).toString(true);
        JwtVerificationConfig.publish(jwks, issuer());
    }

    @Lock(LockType.READ)
    public String sign(String kind, String subject, Set<String> groups) {
        return TokenSigner.sign(current, issuer(), kind, subject, groups, Instant.now(), TokenSigner.ACCESS_TOKEN_LIFETIME);
    }

    /** The public keys, as served at /.well-known/jwks.json. */
    @Lock(LockType.READ)
    public String jwks() {
        return jwks;
    }

    @Lock(LockType.READ)
    public String issuer() {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    private SigningKey generate(Instant now) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(Secrets.publicId("key")).keyUse(KeyUse.SIGNATURE).generate();
            String sealed = masterKey.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), SEAL_CONTEXT + key.getKeyID());
            return new SigningKey(key.getKeyID(), sealed, key.toPublicJWK().toJSONString(), now);
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
