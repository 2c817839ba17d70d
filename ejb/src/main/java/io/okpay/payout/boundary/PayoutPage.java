package io.okpay.payout.boundary;

import java.util.List;

/** One page of payouts; {@code hasMore} when another page follows (ask with the last id as starting_after). */
public record PayoutPage(List<PayoutView> payouts, boolean hasMore) {
}
