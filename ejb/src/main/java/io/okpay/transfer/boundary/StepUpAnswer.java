package io.okpay.transfer.boundary;

/**
 * The one-time code a sender gives for the challenge a transfer asked for ({@code StepUpRequired} names the
 * challenge). {@link #NONE} before any code was asked for.
 */
public record StepUpAnswer(String challengeId, String code) {

    public static final StepUpAnswer NONE = new StepUpAnswer(null, null);

    boolean given() {
        return challengeId != null && !challengeId.isBlank();
    }
}
