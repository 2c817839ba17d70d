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

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Operators (FINANCE) issue e-money vouchers. The codes are in this answer only: OKPay keeps their hashes. An EJB so
 * that the container itself enforces the role.
 */
@Stateless
@Path("admin/vouchers")
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
    public Response approve(@jakarta.ws.rs.PathParam("batch") String batchId, Approval approval) {
        vouchers.approveBatch(batchId, approval == null ? null : approval.reason());
        return Response.noContent().build();
    }

    public record BatchSummaryDto(String id, String amount, String currency, long count, long redeemed, long voided,
                                  long awaiting_approval, String expires_at, String issued_by, String issued_at) {
    }

    public record Voided(String id, int voided) {
    }

    @jakarta.ws.rs.GET
    public List<BatchSummaryDto> batches(@jakarta.ws.rs.QueryParam("limit") @jakarta.ws.rs.DefaultValue("50") int limit) {
        return vouchers.batches(limit).stream().map(b -> new BatchSummaryDto(b.id(), b.amount().toDecimal(),
                b.amount().currency(), b.count(), b.redeemed(), b.voided(), b.awaiting(), b.expiresAt().toString(),
                b.issuedBy(), b.issuedAt().toString())).toList();
    }

    @jakarta.ws.rs.GET
    @Path("{batch}/export")
    @Produces("text/csv")
    public Response export(@jakarta.ws.rs.PathParam("batch") String batchId) {
        return Response.ok(vouchers.export(batchId), io.okpay.shared.Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + batchId + ".csv\"").build();
    }

    @POST
    @Path("{batch}/void")
    public Voided voidUnused(@jakarta.ws.rs.PathParam("batch") String batchId, Approval reason) {
        return new Voided(batchId, vouchers.voidUnused(batchId, reason == null ? null : reason.reason()));
    }
}
