package io.okpay.funding.boundary;

/** A top-up by bank transfer: the amount and currency as typed; the person then transfers amount + fee. */
public record BankTransferTopUpCommand(String userId, String idempotencyKey, String amount, String currency) {
}
