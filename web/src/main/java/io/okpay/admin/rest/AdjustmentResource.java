package io.okpay.admin.rest;

import io.okpay.admin.boundary.AdjustmentView;
import io.okpay.admin.boundary.Adjustments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Money corrections with four eyes (FINANCE): propose, then a different operator approves (posted to the ledger) or
 * rejects. The maker is refused whichever way they ask (403 four_eyes_required). An EJB so that the container enforces
 * the role; {@link Adjustments} checks it again and takes the operator from the caller principal.
 */
@Stateless
@Path("admin/adjustments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("FINANCE")
public class AdjustmentResource {

    @EJB
    Adjustments adjustments;

    public record ProposalRequest(String account, String amount, String currency, String direction, String reason,
                                  String ticket) {
    }

    public record Decision(String reason) {
    }

    public record AdjustmentDto(String id, String account, String amount, String currency, String direction,
                                String reason, String ticket, String maker, String created_at, String expires_at,
                                String status, String checker, String decision_reason, String decided_at,
                                String transaction_id) {

        static AdjustmentDto of(AdjustmentView a) {
            return new AdjustmentDto(a.id(), a.userId(), a.amount().toDecimal(), a.amount().currency(), a.direction(),
                    a.reason(), a.ticket(), a.makerId(), a.createdAt().toString(), a.expiresAt().toString(), a.status(),
                    a.checkerId(), a.decisionReason(), a.decidedAt() == null ? null : a.decidedAt().toString(),
                    a.transactionId());
        }
    }

    @POST
    public Response propose(ProposalRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        ProposalRequest body = request == null ? new ProposalRequest(null, null, null, null, null, null) : request;
        AdjustmentView proposed = adjustments.propose(new Adjustments.Proposal(body.account(), body.amount(),
                body.currency(), body.direction(), body.reason(), body.ticket()), idempotencyKey);
        return Response.status(201).entity(AdjustmentDto.of(proposed)).build();
    }

    @GET
    public List<AdjustmentDto> list(@QueryParam("status") @DefaultValue("proposed") String status,
                                    @QueryParam("limit") @DefaultValue("50") int limit) {
        return adjustments.list(status, limit).stream().map(AdjustmentDto::of).toList();
    }

    @GET
    @Path("{id}")
    public AdjustmentDto find(@PathParam("id") String id) {
        return AdjustmentDto.of(adjustments.find(id));
    }

    @POST
    @Path("{id}/approve")
    public AdjustmentDto approve(@PathParam("id") String id, Decision decision) {
        return AdjustmentDto.of(adjustments.approve(id, decision == null ? null : decision.reason()));
    }

    @POST
    @Path("{id}/reject")
    public AdjustmentDto reject(@PathParam("id") String id, Decision decision) {
        return AdjustmentDto.of(adjustments.reject(id, decision == null ? null : decision.reason()));
    }
}
