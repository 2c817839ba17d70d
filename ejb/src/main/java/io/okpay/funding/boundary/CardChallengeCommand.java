package io.okpay.funding.boundary;

/** The one-time code a card issuer asked for, for the person's top-up {@code topUpId} (REQUIRES_ACTION). */
public record CardChallengeCommand(String userId, String topUpId, String code) {
}
