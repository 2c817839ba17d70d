/**
 * Identity and access: people and their credentials (Argon2id passwords, e-mail verification, password reset),
 * sign-in attempts and sessions, one-time-code challenges for the second factor and for step-up before risky actions.
 * Other features ask {@link io.okpay.identity.boundary.Users#require(String)} who someone is.
 */
package io.okpay.identity;
