package io.okpay.funding.boundary;


/**
 * A top-up by a card the processor has already tokenised (the page tokenises before its confirmation step, see
 * {@link CardTopUps#tokenise}); the amount and currency as typed.
 */
public record TokenisedCardTopUpCommand(String userId, String idempotencyKey, String amount, String currency,
                                        CardToken card) {
}
