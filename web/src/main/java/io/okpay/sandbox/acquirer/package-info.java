/**
 * The sandbox acquirer: a stand-in card processor that OKPay ships for development and tests, with its own JAX-RS
 * application under {@code /sandbox/acquirer}. It behaves like a real processor (tokens, authorisations, 3-D Secure
 * style one-time codes, captures, voids, idempotency keys) and lets test card numbers choose the outcome. Off unless
 * {@code okpay.sandbox.acquirer.enabled=true}.
 */
package io.okpay.sandbox.acquirer;
