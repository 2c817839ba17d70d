/**
 * Top-ups: the ways money comes into a wallet (card, bank transfer, e-money voucher) and what they need before the
 * ledger is touched: card input checks, the card gateway and its HTTP adapter, bank statement parsing, reference and
 * voucher codes, and the fee schedule.
 */
package io.okpay.funding;
