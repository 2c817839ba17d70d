package io.okpay.transfer.boundary;

/**
 * Who took part in a transfer: the sender, the recipient (null while the money waits in escrow for someone to sign up
 * with {@code recipientEmail}) and the address it was sent to, when it was sent to one.
 */
public record TransferParties(String transferId, String senderId, String recipientId, String recipientEmail) {

    /** The other person for this one: the recipient for the sender, else the sender; null while nobody claimed it. */
    public String otherSideOf(String userId) {
        return senderId.equals(userId) ? recipientId : senderId;
    }
}
