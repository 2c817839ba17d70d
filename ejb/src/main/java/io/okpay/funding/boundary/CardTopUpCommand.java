package io.okpay.funding.boundary;

/**
 * A top-up by a card typed for it: the amount and currency as typed ({@code "12.50"}, {@code "USD"}), the card as
 * typed, and whether to keep the processor's token of it for later top-ups. Checked by the top-up boundary, not here.
 */
public record CardTopUpCommand(String userId, String idempotencyKey, String amount, String currency, CardInput card,
                               boolean saveCard) {
}
