package io.okpay.kyc.boundary;

import java.time.Instant;

/** An uploaded screening list: id ({@code scl_...}), name, how many entries, and how many new hits screening it gave. */
public record ScreeningListView(String id, String name, int entries, int newHits, Instant uploadedAt) {
}
