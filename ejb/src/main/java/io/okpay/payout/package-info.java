/**
 * Payouts: withdrawals from a person's wallet or a merchant's account to a bank account (IBAN). The amount and fee are
 * held in the ledger until an operator (FINANCE) has exported the payout to the bank and marks it paid (the hold is
 * posted into PAYOUT_CLEARING) or failed (the hold is released). Owners are told by e-mail, merchants also by webhook.
 */
package io.okpay.payout;
