/**
 * The person's own data: "download my data" (a read side over the boundaries of identity, wallet and merchant) and
 * "close my account" (the balances must be zero; identity closes the account, the ledger closes its wallets, merchant
 * keys are revoked). Nothing depends on this feature.
 */
package io.okpay.privacy;
