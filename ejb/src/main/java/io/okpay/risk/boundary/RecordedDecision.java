package io.okpay.risk.boundary;

import io.okpay.shared.Money;

import java.time.Instant;
import java.util.List;

/** A decision as the security page lists it: when, what, how much, and why a code was asked. */
public record RecordedDecision(Instant at, RiskKind kind, Money amount, List<RiskReason> reasons) {
}
