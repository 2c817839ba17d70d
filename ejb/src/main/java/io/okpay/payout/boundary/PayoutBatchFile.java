package io.okpay.payout.boundary;

/** An export of payouts for the bank: the batch id, how many payouts, and the file in the asked format. */
public record PayoutBatchFile(String batchId, int payouts, String contentType, String fileName, byte[] content) {
}
