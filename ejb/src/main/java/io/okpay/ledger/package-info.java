/**
 * The double-entry ledger, through which every movement of money in OKPay posts: accounts (wallets, merchant balances
 * and the house's accounts per currency), append-only journal transactions whose entries sum to zero per currency,
 * two-phase holds, reversals, idempotent writes with deadlock retry, and a reconciliation that checks it all adds up.
 * Other features post through {@link io.okpay.ledger.boundary.Ledger} and find their accounts through
 * {@link io.okpay.ledger.boundary.LedgerAccounts}; the owners' views (a person's history) read entries through
 * {@link io.okpay.ledger.boundary.Entries}.
 */
package io.okpay.ledger;
