package io.okpay.funding.rest;

import io.okpay.funding.boundary.BankStatementImports;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import io.okpay.funding.boundary.TopUpView;
import io.okpay.shared.BusinessException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Operators (FINANCE) import OKPay's bank statements: the file as the request body, camt.053 XML or CSV (README,
 * "Bank statements"); then they work the queue of lines in suspense (assign to a top-up, or return). An EJB so that the container itself enforces the role.
 */
@Stateless
@Path("admin/statements")
@Consumes({"text/csv", MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("FINANCE")
public class StatementAdminResource {

    @EJB
    BankStatementImports imports;

    @Resource
    SessionContext context;

    public record ImportDto(String statement_id, String format, int lines, int matched, int suspense, int duplicates,
                            int ignored) {
    }

    public record QueuedLineDto(String bank_entry_id, String booking_date, String amount, String currency,
                                String reference, String counterparty, String imported_at) {
    }

    /** {@code reason} (optional here, required on the back-office page) goes to the audit log with the assignment. */
    public record Assignment(String topup_id, String reason) {
    }

    public record Resolution(String status, String topup_id, String transaction_id) {
    }

    @GET
    @Path("suspense")
    public List<QueuedLineDto> queue(@QueryParam("limit") @DefaultValue("100") int limit) {
        return imports.queue(limit).stream().map(line -> new QueuedLineDto(line.bankEntryId(),
                line.bookingDate().toString(), line.amount().toDecimal(), line.amount().currency(), line.reference(),
                line.counterparty(), line.importedAt().toString())).toList();
    }

    @POST
    @Path("suspense/{entry}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public Resolution assign(@PathParam("entry") String bankEntryId, Assignment assignment) {
        if (assignment == null || assignment.topup_id() == null || assignment.topup_id().isBlank()) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("topup_id", "topup_id_required")));
        }
        TopUpView credited = imports.assign(context.getCallerPrincipal().getName(), bankEntryId, assignment.topup_id(),
                assignment.reason());
        return new Resolution("assigned", credited.id(), credited.transactionId());
    }

    @POST
    @Path("suspense/{entry}/return")
    @Consumes(MediaType.WILDCARD)
    public Resolution returnToPayer(@PathParam("entry") String bankEntryId, @QueryParam("reason") String reason) {
        return new Resolution("returned", null, imports.returnToPayer(context.getCallerPrincipal().getName(), bankEntryId,
                reason));
    }

    @POST
    public ImportDto importStatement(byte[] file, @QueryParam("reason") String reason) {
        BankStatementImports.Result result = imports.importStatement(context.getCallerPrincipal().getName(),
                file == null ? new byte[0] : file, reason);
        return new ImportDto(result.statementId(), result.format(), result.lines(), result.matched(), result.suspense(),
                result.duplicates(), result.ignored());
    }
}
