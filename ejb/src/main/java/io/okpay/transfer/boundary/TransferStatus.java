package io.okpay.transfer.boundary;

/**
 * Where a transfer stands. To a registered recipient it is COMPLETED as soon as the ledger posted it. To an e-mail
 * address without an account it is PENDING_CLAIM (money in escrow) until it is claimed (-> COMPLETED), its claim
 * period ends (-> RETURNED) or the sender cancels it (-> CANCELLED); the -ING states mark a settlement that has
 * started and is finished, or finished again after a crash, by the escrow job.
 */
public enum TransferStatus {
    COMPLETED,
    PENDING_CLAIM,
    CLAIMING,
    RETURNING,
    CANCELLING,
    RETURNED,
    CANCELLED;

    /** The final status of a settlement that started with this one. */
    public TransferStatus settled() {
        return switch (this) {
            case CLAIMING -> COMPLETED;
            case RETURNING -> RETURNED;
            case CANCELLING -> CANCELLED;
            default -> throw new IllegalStateException(this + " is not a settlement in progress");
        };
    }
}
