package io.okpay.funding.boundary;

/** A top-up by a card the person saved before ({@code card_...}); the amount and currency as typed. */
public record SavedCardTopUpCommand(String userId, String idempotencyKey, String amount, String currency,
                                    String cardId) {
}
