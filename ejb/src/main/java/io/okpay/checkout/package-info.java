/**
 * Checkout: merchants ask for payments through the API (sessions), people pay them from their balance on OKPay's
 * checkout page, and merchants give money back (refunds). Every movement is one ledger posting keyed by what it is
 * about (the session, the refund), so a double click, a reload or a replayed request never pays twice.
 */
package io.okpay.checkout;
