package io.okpay.risk.boundary;

import io.okpay.shared.Money;

import java.util.Set;

/**
 * One movement for the risk rules to weigh: whose money ({@code usr_...}; for a merchant, its owner), what kind, how
 * much, and the facts only the moving feature knows ({@code signals}: a new recipient, a first payout to an IBAN ...).
 */
public record RiskCheck(String userId, RiskKind kind, Money amount, Set<RiskReason> signals) {

    public RiskCheck {
        signals = Set.copyOf(signals);
    }
}
