package io.okpay.ledger.boundary;

import java.time.Instant;
import java.util.List;

/**
 * What one reconciliation run found. {@code problems} names each broken invariant (at most a hundred per kind, so a
 * badly broken ledger still gives a readable report); an empty list means the ledger is consistent.
 */
public record ReconciliationReport(Instant checkedAt, long millis, long accounts, long entries, List<String> problems) {

    public boolean consistent() {
        return problems.isEmpty();
    }
}
