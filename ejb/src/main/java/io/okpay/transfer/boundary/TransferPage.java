package io.okpay.transfer.boundary;

import java.util.List;

/** Transfers newest first; {@code hasMore} when another page follows after the last one's id. */
public record TransferPage(List<TransferView> transfers, boolean hasMore) {
}
