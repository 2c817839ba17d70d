package io.okpay.risk.boundary;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The kinds of money movement that have limits, each named by the ledger code of its postings. */
public enum MovementKind {
    TOPUP, SEND, PAY, WITHDRAW, CONVERT;

    /**
     * The ledger codes (io.okpay.ledger.boundary.PostingRequest#code) of the movements each kind limits: top-ups, transfers
     * (to a person or into escrow), checkout payments, payouts (held when requested) and conversions.
     */
    private static final Map<String, MovementKind> BY_LEDGER_CODE = Map.of(
            "topup", TOPUP, "p2p_transfer", SEND, "payment", PAY, "payout", WITHDRAW, "fx_conversion", CONVERT);

    public static Optional<MovementKind> ofLedgerCode(String code) {
        return Optional.ofNullable(BY_LEDGER_CODE.get(code));
    }

    /** The name in configuration keys and in limit names ("send.day"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Money coming into the account (a top-up) rather than leaving it. */
    public boolean incoming() {
        return this == TOPUP;
    }
}
