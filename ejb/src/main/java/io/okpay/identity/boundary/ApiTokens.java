package io.okpay.identity.boundary;

import io.okpay.identity.control.RefreshTokens;
import io.okpay.identity.control.SigningKeys;
import io.okpay.identity.control.TokenSigner;
import io.okpay.identity.control.UserDirectory;
import io.okpay.identity.entity.RefreshToken;
import io.okpay.identity.entity.User;
import io.okpay.shared.BusinessException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tokens for the API: a 15-minute RS256 access token and a rotating refresh token. People get them with their password
 * (and a one-time code when they use a second factor) or with a refresh token.
 */
@Stateless
public class ApiTokens {

    public static final String USER_KIND = "user";

    /** An access token and how many seconds it is valid. */
    public record AccessToken(String token, long expiresIn) {

        @Override
        public String toString() {
            return "AccessToken[" + expiresIn + "s]";
        }
    }

    /**
     * The tokens, or (when a code is due first) the sign-in and the challenge to answer; {@code deviceToken} when this
     * sign-in's code made the device a remembered one (the person asks for codes only on a new device), else null.
     */
    public record Grant(String accessToken, long expiresIn, String refreshToken, String signInId, String challengeId,
                        String deviceToken) {
        public boolean codeRequired() {
            return accessToken == null;
        }
    }

    @EJB
    SignIns signIns;

    @EJB
    SigningKeys signingKeys;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    UserDirectory directory;

    /** {@code deviceToken}: the device_token an earlier sign-in of this device gave, or null. */
    public Grant withPassword(String email, String password, String ip, String device, String deviceToken) {
        SignIns.Step step = signIns.begin(email, password, ip, device, deviceToken);
        if (step.codeRequired()) {
            return new Grant(null, 0, null, step.signInId(), step.challengeId(), null);
        }
        return issue(signIns.complete(step.signInId(), null, null, false, deviceToken), null);
    }

    public Grant withCode(String signInId, String challengeId, String code) {
        return issue(signIns.complete(signInId, challengeId, code, false, null), null);
    }

    /** Exchanges a refresh token for new tokens. A token used before revokes its whole family. */
    public Grant refresh(String token) {
        RefreshToken found = refreshTokens.find(token);
        Instant now = Instant.now();
        if (found == null) {
            throw new BusinessException("refresh_token_invalid");
        }
        if (found.used()) {
            refreshTokens.revokeFamily(found.family());
            throw new BusinessException("refresh_token_invalid");
        }
        refreshTokens.lock(found);
        // Lost a race against a concurrent exchange of the same token: the winner keeps the family.
        if (!found.usable(now)) {
            throw new BusinessException("refresh_token_invalid");
        }
        found.use(now);
        User user = directory.require(found.subject());
        return issue(new SignIns.SignedIn(UserView.of(user), null, null), found.family());
    }

    /**
     * An access token for a caller that is not a person (a merchant's API key, kind "merchant"), with its roles; it
     * comes without a refresh token; the caller asks again with its own credentials.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AccessToken accessToken(String kind, String subject, Set<String> groups) {
        return new AccessToken(signingKeys.sign(kind, subject, groups), TokenSigner.ACCESS_TOKEN_LIFETIME.toSeconds());
    }

    /** The public keys that verify access tokens, as a JWK Set (served at /.well-known/jwks.json). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String publicKeys() {
        return signingKeys.jwks();
    }

    private Grant issue(SignIns.SignedIn signedIn, String family) {
        UserView user = signedIn.user();
        Set<String> groups = user.roles().stream().map(Enum::name).collect(Collectors.toSet());
        AccessToken access = accessToken(USER_KIND, user.id(), groups);
        return new Grant(access.token(), access.expiresIn(), refreshTokens.issue(user.id(), family), null, null,
                signedIn.deviceToken());
    }
}
