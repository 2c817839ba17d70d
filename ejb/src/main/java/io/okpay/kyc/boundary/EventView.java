package io.okpay.kyc.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A step in a verification's history: action (submitted, approved, rejected, more_requested, hit_cleared), when, the
 * reason given and, for a request for more, which document.
 */
public record EventView(String action, Instant at, String reason, String document) implements Serializable {
}
