package io.okpay.checkout.boundary;

/**
 * The shop's side of a ledger transaction that paid or refunded a checkout, as its payer may see it: the shop's name,
 * the order (the shop's reference and description), the payment, and for a refund the refund and its reason. Never
 * the shop's fee: that is the shop's, not the payer's.
 */
public record ShopOrder(String transactionId, String merchantId, String shopName, String merchantReference,
                        String description, String paymentId, String refundId, String reason) {

    /** The payment or refund id a person quotes when asking about this movement. */
    public String reference() {
        return refundId != null ? refundId : paymentId;
    }
}
