package io.okpay.risk.boundary;

import java.io.Serializable;
import java.util.List;

/** What the risk rules decided for one movement: whether a code is needed, and why (empty when it is not). */
public record RiskDecision(boolean codeRequired, List<RiskReason> reasons) implements Serializable {

    public RiskDecision {
        reasons = List.copyOf(reasons);
    }
}
