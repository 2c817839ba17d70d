package io.okpay.payout.rest;

import io.okpay.payout.boundary.PayoutBatchFile;
import io.okpay.payout.boundary.PayoutView;
import io.okpay.payout.boundary.PayoutDesk;
import io.okpay.payout.boundary.PayoutStatus;
import io.okpay.shared.BusinessException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Operators (FINANCE) send payouts to the bank: list them by status, export every pending one as a bank file (CSV, or
 * ISO 20022 pain.001.001.09 with {@code Accept: application/xml}; the batch id comes in the OKPay-Batch-Id header and
 * the file can be downloaded again), then mark each paid or failed. An EJB so that the container enforces the role.
 */
@Stateless
@Path("admin/payouts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("FINANCE")
public class PayoutAdminResource {

    static final String PAIN_001 = "application/xml";

    @EJB
    PayoutDesk desk;

    @Resource
    SessionContext context;

    public record Failure(String reason) {
    }

    @GET
    public JsonObject list(@QueryParam("status") @DefaultValue("pending") String status,
                           @QueryParam("limit") @DefaultValue("100") int limit,
                           @QueryParam("starting_after") String startingAfter) {
        if (limit < 1 || limit > 100) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("limit", "limit_invalid", 100)));
        }
        return PayoutResource.page(desk.inStatus(statuses(status), startingAfter, limit));
    }

    @POST
    @Path("export")
    @Consumes(MediaType.WILDCARD)
    @Produces({"text/csv", PAIN_001, MediaType.TEXT_XML})
    public Response export(@Context HttpHeaders headers) {
        return file(desk.export(operatorId(), wantsXml(headers)));
    }

    @GET
    @Path("batches/{id}")
    @Produces({"text/csv", PAIN_001, MediaType.TEXT_XML})
    public Response batch(@PathParam("id") String batchId, @Context HttpHeaders headers) {
        return file(desk.batchFile(batchId, wantsXml(headers)));
    }

    @POST
    @Path("{id}/paid")
    @Consumes(MediaType.WILDCARD)
    public JsonObject paid(@PathParam("id") String id) {
        return desk.markPaid(operatorId(), id).json();
    }

    @POST
    @Path("{id}/failed")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject failed(@PathParam("id") String id, Failure failure) {
        PayoutView failed = desk.markFailed(operatorId(), id, failure == null ? null : failure.reason());
        return failed.json();
    }

    private Response file(PayoutBatchFile file) {
        return Response.ok(file.content(), file.contentType() + "; charset=UTF-8")
                .header("OKPay-Batch-Id", file.batchId())
                .header("OKPay-Payout-Count", file.payouts())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .build();
    }

    /** pain.001 when the caller prefers XML to CSV; CSV otherwise (also for * / *). */
    private static boolean wantsXml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.valueOf("text/csv")) && !type.isWildcardType()) {
                return false;
            }
            if (!type.isWildcardType() && (type.isCompatible(MediaType.APPLICATION_XML_TYPE)
                    || type.isCompatible(MediaType.TEXT_XML_TYPE))) {
                return true;
            }
        }
        return false;
    }

    private static Set<PayoutStatus> statuses(String status) {
        PayoutStatus asked;
        try {
            asked = PayoutStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("status", "invalid_value")));
        }
        // A settlement in progress shows with the status it is heading for.
        return switch (asked) {
            case PROCESSING -> EnumSet.of(PayoutStatus.PROCESSING, PayoutStatus.PAYING, PayoutStatus.FAILING);
            case PENDING -> EnumSet.of(PayoutStatus.PENDING, PayoutStatus.CANCELLING);
            default -> EnumSet.of(asked);
        };
    }

    private String operatorId() {
        return context.getCallerPrincipal().getName();
    }
}
