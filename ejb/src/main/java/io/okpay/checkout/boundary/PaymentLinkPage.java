package io.okpay.checkout.boundary;

import java.util.List;

/** One page of a merchant's payment links, newest first. */
public record PaymentLinkPage(List<PaymentLinkView> links, boolean hasMore) {
}
