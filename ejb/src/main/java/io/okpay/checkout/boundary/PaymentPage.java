package io.okpay.checkout.boundary;

import java.util.List;

/** One page of a merchant's payments, newest first. */
public record PaymentPage(List<PaymentView> payments, boolean hasMore) {
}
