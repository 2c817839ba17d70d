/**
 * Person-to-person transfers: money sent to another OKPay user by e-mail address or username, moved by the ledger in
 * one journal transaction from the sender's wallet to the recipient's, with a receipt to the sender and a notice to
 * the recipient as effects of that same transaction. Large amounts and first transfers to someone need a step-up code.
 * Money sent to an e-mail address without an account waits in the house's escrow account until someone signs up with
 * that address and confirms it, the claim period ends, or the sender cancels; the escrow job settles it.
 */
package io.okpay.transfer;
