package io.okpay.payout.boundary;

/**
 * The account owner's one-time code approving a payout: the challenge a {@code StepUpRequired} named, and the code
 * that came with it. Both null on the first request, which asks for the code.
 */
public record PayoutApproval(String challengeId, String code) {

    public static final PayoutApproval NONE = new PayoutApproval(null, null);

    public boolean given() {
        return challengeId != null && !challengeId.isBlank();
    }
}
