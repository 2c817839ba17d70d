package io.okpay.transfer.boundary;

import io.okpay.shared.Money;

/**
 * What the sender confirms before money moves: the recipient as registered, the amount, the fee (none for transfers
 * between OKPay users), the total taken from the sender's balance, and whether a one-time code will be asked for.
 * {@code recipientId} and {@code recipientName} are null for an address without an account.
 */
public record TransferQuote(String recipientId, String recipientName, String recipientEmail, Money amount, Money fee,
                            Money total, String note, boolean stepUpRequired, int claimDays) {

    /** Nobody has this address yet: the money will wait in escrow for {@link #claimDays} days. */
    public boolean toEscrow() {
        return recipientId == null;
    }
}
