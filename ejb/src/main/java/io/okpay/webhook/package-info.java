/**
 * Webhooks: events about a merchant's objects ({@code checkout.session.completed}, {@code payment.succeeded},
 * {@code refund.succeeded}, {@code payout.paid} ...) POSTed, signed, to the merchant's endpoints from the outbox, with
 * retries and a delivery log.
 */
package io.okpay.webhook;
