package io.okpay.funding.rest;

import io.okpay.funding.boundary.Vouchers;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Operators (FINANCE) issue e-money vouchers. The codes are in this answer only: OKPay keeps their hashes. An EJB so
 * that the container itself enforces the role.
 */
@Stateless
@Path("admin/vouchers")
@Tag(name = "Top-ups")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("FINANCE")
public class VoucherAdminResource {

    @EJB
    Vouchers vouchers;

    @Resource
    SessionContext context;

    public record BatchRequest(String amount, String currency, Integer count, String expires_at) {
    }

    public record BatchDto(String id, String amount, String currency, String expires_at, String status,
                           List<String> codes) {
    }

    public record Approval(String reason) {
    }

    @POST
    @Operation(summary = "Issue a batch of voucher codes {amount, currency, count, expires_at}; the codes are shown once")
    public Response issue(BatchRequest request) {
        BatchRequest body = request == null ? new BatchRequest(null, null, null, null) : request;
        Instant expiresAt;
        try {
            expiresAt = body.expires_at() == null ? null : Instant.parse(body.expires_at());
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid(List.of(new FieldError("expires_at", "voucher_expiry_invalid")));
        }
        Vouchers.Batch batch = vouchers.issue(context.getCallerPrincipal().getName(), body.amount(), body.currency(),
                body.count(), expiresAt);
        return Response.status(201).header("Cache-Control", "no-store").entity(new BatchDto(batch.id(),
                batch.amount().toDecimal(), batch.amount().currency(), batch.expiresAt().toString(),
                batch.awaitingApproval() ? "awaiting_approval" : "active", batch.codes()))
                .build();
    }

    @POST
    @Path("{batch}/approval")
    @Operation(summary = "A second FINANCE operator approves a batch above okpay.funding.voucher-approval-above {reason}; "
            + "never its issuer (403 four_eyes_required)")
    public Response approve(@jakarta.ws.rs.PathParam("batch") String batchId, Approval approval) {
        vouchers.approveBatch(batchId, approval == null ? null : approval.reason());
        return Response.noContent().build();
    }
}
