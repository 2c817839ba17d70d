/**
 * Merchants: a person's shop profile approved by compliance, its secret API keys, and the client-credentials exchange
 * that turns a key into a MERCHANT access token. Checkout, refunds, payouts and webhooks build on it.
 */
package io.okpay.merchant;
