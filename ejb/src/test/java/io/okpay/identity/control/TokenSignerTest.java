package io.okpay.identity.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenSignerTest {

    @Test
    @DisplayName("access tokens are RS256 with the key's kid, the MicroProfile JWT claims, OKPay's audience and a 15-minute life")
    void signs() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("key_test").generate();
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        String token = TokenSigner.sign(key, "https://okpay.example", "okpay-api", "user", "usr_abc", Set.of("USER"), now,
                TokenSigner.ACCESS_TOKEN_LIFETIME);

        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals("key_test", jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey())));
        var claims = jwt.getJWTClaimsSet();
        assertEquals("https://okpay.example", claims.getIssuer());
        assertEquals(List.of("okpay-api"), claims.getAudience());
        assertEquals("usr_abc", claims.getSubject());
        assertEquals("usr_abc", claims.getStringClaim("upn"));
        assertEquals(List.of("USER"), claims.getStringListClaim("groups"));
        assertEquals("user", claims.getStringClaim("okpay_kind"));
        assertEquals(now.plusSeconds(900), claims.getExpirationTime().toInstant());
        assertFalse(jwt.verify(new RSASSAVerifier(new RSAKeyGenerator(2048).generate().toRSAPublicKey())), "another key");
    }
}
