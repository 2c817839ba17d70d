/**
 * The security audit log: sign-ins and their failures, second-factor, password and reset events, append-only and
 * hash-chained so that tampering shows.
 */
package io.okpay.audit;
