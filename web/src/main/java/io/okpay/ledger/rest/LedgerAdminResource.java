package io.okpay.ledger.rest;

import io.okpay.ledger.boundary.Reconciliation;
import io.okpay.ledger.boundary.ReconciliationReport;
import io.okpay.shared.BusinessException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Operators' view of the ledger's health. An EJB so that the container itself enforces the roles, whatever
 * authentication mechanism identified the caller.
 */
@Stateless
@Path("admin/ledger")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"FINANCE", "ADMIN"})
public class LedgerAdminResource {

    @EJB
    Reconciliation reconciliation;

    @Resource
    SessionContext context;

    /** A reconciliation result; {@code problems} name database ids, which is fine for operators only. */
    public record ReconciliationDto(boolean consistent, String checked_at, long millis, long accounts, long entries,
                                    List<String> problems) {

        static ReconciliationDto of(ReconciliationReport report) {
            return new ReconciliationDto(report.consistent(), report.checkedAt().toString(), report.millis(),
                    report.accounts(), report.entries(), report.problems());
        }
    }

    @GET
    @Path("reconciliation")
    public ReconciliationDto last() {
        return reconciliation.last().map(ReconciliationDto::of).orElseThrow(BusinessException::notFound);
    }

    @POST
    @Path("reconciliation")
    public ReconciliationDto runNow() {
        return ReconciliationDto.of(reconciliation.run(context.getCallerPrincipal().getName()));
    }
}
