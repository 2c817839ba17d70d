package io.okpay.identity.boundary;

import io.okpay.shared.BusinessException;

/**
 * The transfer needs a one-time code first (a large amount, or a recipient new to the sender): a code was e-mailed
 * for the challenge {@link #challengeId()}; send the same request again with the challenge id and the code.
 */
public class StepUpRequired extends BusinessException {

    private final String challengeId;

    public StepUpRequired(String challengeId) {
        super("step_up_required");
        this.challengeId = challengeId;
    }

    public String challengeId() {
        return challengeId;
    }
}
