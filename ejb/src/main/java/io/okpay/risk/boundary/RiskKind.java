package io.okpay.risk.boundary;

import java.util.Locale;

/** The kinds of money movement the risk rules weigh. */
public enum RiskKind {
    SEND, PAY, WITHDRAW, CONVERT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
