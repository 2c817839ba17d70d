package io.okpay.shared.security;

import io.okpay.shared.BusinessException;
import jakarta.security.enterprise.credential.Credential;

/**
 * A sign-in whose password was already checked ({@code signInId}), with the one-time code when the account needs one.
 * Only the sign-in page builds it; when the identity store refuses it, the reason is left here for the page to show.
 */
public class SignInCredential implements Credential {

    private final String signInId;
    private final String challengeId;
    private final String code;
    private BusinessException refusal;

    public SignInCredential(String signInId, String challengeId, String code) {
        this.signInId = signInId;
        this.challengeId = challengeId;
        this.code = code;
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
