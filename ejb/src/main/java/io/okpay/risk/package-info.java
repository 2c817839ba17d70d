/**
 * Risk: when money may leave only with a one-time code. {@link io.okpay.risk.boundary.RiskRules} weighs what a
 * movement is (a transfer, a checkout payment, a payout, a conversion), how large, and what its feature knows about it
 * (a new recipient, a first payout to an IBAN), decides whether the owner must approve it with a code bound to it
 * (identity's {@code StepUp}), and records each decision that asked for a code with its reasons, for the security page.
 * Risk may ask identity; identity never asks risk.
 */
package io.okpay.risk;
