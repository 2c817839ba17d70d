package io.okpay.ledger.control;

import io.okpay.ledger.boundary.ReconciliationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Optional;

/**
 * DOWN while the last reconciliation found the ledger inconsistent: money may be wrong, and an instance that is not
 * ready takes no new payments until an operator has looked. Only counts are shown; details are in the log and behind
 * the operator API.
 */
@Readiness
@ApplicationScoped
public class ReconciliationHealth implements HealthCheck {

    @Inject
    ReconciliationStatus status;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("ledger-reconciliation");
        Optional<ReconciliationReport> last = status.last();
        if (last.isEmpty()) {
            return response.up().withData("checked", "not yet").build();
        }
        ReconciliationReport report = last.get();
        return response.status(report.consistent())
                .withData("checkedAt", report.checkedAt().toString())
                .withData("problems", report.problems().size())
                .build();
    }
}
