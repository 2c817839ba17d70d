package io.okpay.shared.security;

import io.okpay.shared.BusinessException;
import jakarta.security.enterprise.credential.Credential;

import java.util.function.Consumer;

/**
 * A sign-in whose password was already checked ({@code signInId}), with the one-time code when the account needs one.
 * Only the sign-in page builds it; when the identity store refuses it, the reason is left here for the page to show.
 */
public class SignInCredential implements Credential {

    private final String signInId;
    private final String challengeId;
    private final String code;
    private final String deviceToken;
    private final transient Consumer<String> remember;
    private BusinessException refusal;

    /**
     * {@code deviceToken}: what the browser carries from an earlier sign-in (its device cookie), or null;
     * {@code remember} keeps the token of a device this sign-in made a remembered one (sets the cookie).
     */
    public SignInCredential(String signInId, String challengeId, String code, String deviceToken,
                            Consumer<String> remember) {
        this.signInId = signInId;
        this.challengeId = challengeId;
        this.code = code;
        this.deviceToken = deviceToken;
        this.remember = remember;
    }

    public String deviceToken() {
        return deviceToken;
    }

    void remembered(String token) {
        if (token != null && remember != null) {
            remember.accept(token);
        }
    }

    public String signInId() {
        return signInId;
    }

    public String challengeId() {
        return challengeId;
    }

    public String code() {
        return code;
    }

    public BusinessException refusal() {
        return refusal;
    }

    void refuse(BusinessException reason) {
        refusal = reason;
    }

    @Override
    public void clear() {
        refusal = null;
    }
}
