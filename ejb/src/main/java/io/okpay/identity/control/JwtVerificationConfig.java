package io.okpay.identity.control;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells Payara's MicroProfile JWT which keys to trust and which issuer to expect. A ConfigSource
 * registered in META-INF/services; it must live in the ejb jar, not WEB-INF/classes, or the EAR on Payara Server fails
 * to deploy with "No issuer found".
 * <p>
 * The keys are handed over as {@code mp.jwt.verify.publickey.location}, a file holding the public JWK Set of
 * {@link SigningKeys}, not as {@code mp.jwt.verify.publickey} itself: Payara reads the key setting while deploying,
 * before the keys are loaded from the database, and caches the answer; the file's name is known from the start and
 * its content is read at the first token, then again when Payara's five-minute cache of it has passed (a file has no
 * Cache-Control to say otherwise); {@link SigningKeys} rewrites it at every refresh. {@code mp.jwt.verify.issuer} and
 * {@code mp.jwt.verify.audiences} are read at the first token too.
 * Registered through META-INF/services; it lives in the ejb jar so the EAR sees it too.
 */
public class JwtVerificationConfig implements ConfigSource {

    static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String AUDIENCES = "mp.jwt.verify.audiences";
    private static final Path JWKS_FILE = createFile();
    private static volatile String issuer;
    private static volatile String audience;

    static synchronized void publish(String jwks, String acceptedIssuer, String acceptedAudience) {
        try {
            Path next = Files.createTempFile(JWKS_FILE.getParent(), "okpay-jwks-", ".next");
            Files.writeString(next, jwks, StandardCharsets.UTF_8);
            Files.move(next, JWKS_FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the token verification keys", e);
        }
        issuer = acceptedIssuer;
        audience = acceptedAudience;
    }

    private static Path createFile() {
        try {
            Path file = Files.createTempFile("okpay-jwks-", ".json");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the token verification key file", e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> values = new HashMap<>();
        values.put(PUBLIC_KEY_LOCATION, JWKS_FILE.toUri().toString());
        if (issuer != null) {
            values.put(ISSUER, issuer);
        }
        if (audience != null) {
            values.put(AUDIENCES, audience);
        }
        return values;
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return getProperties().get(propertyName);
    }

    @Override
    public String getName() {
        return "okpay-jwt-keys";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
