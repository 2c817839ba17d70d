package io.okpay.checkout.boundary;

import java.util.List;

/** One page of a merchant's sessions, newest first. */
public record SessionPage(List<SessionView> sessions, boolean hasMore) {
}
