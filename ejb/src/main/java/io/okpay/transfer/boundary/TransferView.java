package io.okpay.transfer.boundary;

import io.okpay.shared.Money;

import java.time.Instant;

/**
 * A transfer as its sender or recipient sees it. {@code replayed} is true when the request repeated an idempotency key
 * already used for the same transfer: nothing moved again, this is the first result. {@code claimUntil} is set for a
 * transfer into escrow (to an address without an account); its recipient has only an e-mail until someone claims it.
 */
public record TransferView(String id, TransferStatus status, Party sender, Party recipient, Money amount, String note,
                           String transactionId, Instant createdAt, Instant claimUntil, boolean replayed) {

    /** Who sent or received it, as registered. */
    public record Party(String id, String displayName, String email) {
    }
}
