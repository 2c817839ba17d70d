package io.okpay.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Makes RS256 access tokens in the MicroProfile JWT shape: {@code iss}, {@code aud} (OKPay's API, checked by
 * {@code mp.jwt.verify.audiences}, so a token made for something else is no key to the API), {@code sub} and {@code upn} (the caller's
 * public id), {@code groups} (its roles), {@code iat}, {@code exp}, {@code jti}, and {@code okpay_kind} saying what
 * kind of caller it is ("user" now, "merchant" for client credentials).
 */
public final class TokenSigner {

    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);

    private TokenSigner() {
    }

    public static String sign(RSAKey key, String issuer, String audience, String kind, String subject, Set<String> groups,
                              Instant issuedAt, Duration lifetime) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .claim("upn", subject)
                .claim("groups", List.copyOf(groups))
                .claim("okpay_kind", kind)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an access token", e);
        }
        return jwt.serialize();
    }
}
