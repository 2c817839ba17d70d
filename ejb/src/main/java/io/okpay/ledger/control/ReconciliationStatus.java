package io.okpay.ledger.control;

import io.okpay.ledger.boundary.ReconciliationReport;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The last reconciliation result of this instance, for the operator API, the metrics and the health check. */
@ApplicationScoped
public class ReconciliationStatus {

    private final AtomicReference<ReconciliationReport> last = new AtomicReference<>();

    public void record(ReconciliationReport report) {
        last.set(report);
    }

    public Optional<ReconciliationReport> last() {
        return Optional.ofNullable(last.get());
    }

    @Gauge(name = "okpay_ledger_reconciliation_consistent", absolute = true, unit = MetricUnits.NONE,
            description = "1 when the last ledger reconciliation found no problem, 0 when it found some, -1 before the first run")
    public long consistent() {
        ReconciliationReport report = last.get();
        return report == null ? -1 : report.consistent() ? 1 : 0;
    }

    @Gauge(name = "okpay_ledger_reconciliation_problems", absolute = true, unit = MetricUnits.NONE,
            description = "Number of broken invariants the last ledger reconciliation found")
    public long problems() {
        ReconciliationReport report = last.get();
        return report == null ? 0 : report.problems().size();
    }
}
