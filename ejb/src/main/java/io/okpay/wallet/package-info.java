/**
 * A person's money as they see it: one balance per currency (a ledger wallet, opened on first use) with what is
 * available to spend, for the home page and the balances API.
 */
package io.okpay.wallet;
