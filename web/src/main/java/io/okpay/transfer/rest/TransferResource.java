package io.okpay.transfer.rest;

import io.okpay.shared.JsonBuilders;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.Money;
import io.okpay.shared.rest.Problems;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.transfer.boundary.Escrow;
import io.okpay.transfer.boundary.SendMoney;
import io.okpay.transfer.boundary.StepUpAnswer;
import io.okpay.transfer.boundary.TransferPage;
import io.okpay.transfer.boundary.TransferView;
import io.okpay.transfer.boundary.Transfers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * Money to another OKPay user, by e-mail address or username. {@code POST} needs an {@code Idempotency-Key}; when a
 * one-time code is needed (a large amount, or a recipient new to the sender) the answer is a 403
 * {@code step_up_required} naming {@code challenge_id}, a code is e-mailed, and the same request with
 * {@code challenge_id} and {@code code} (and the same key) moves the money. To an e-mail address without an account
 * the money waits in escrow (status pending_claim) until someone signs up with it and confirms it, the claim period
 * ends, or the sender cancels ({@code POST /transfers/{id}/cancel}); then it is completed, returned or cancelled.
 */
@Path("transfers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class TransferResource {

    @EJB
    Transfers transfers;

    @EJB
    Escrow escrow;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uriInfo;

    public record SendTransfer(String to, String amount, String currency, String note, String challenge_id, String code) {
    }

    public record PartyDto(String id, String display_name, String email) {

        static PartyDto of(TransferView.Party party) {
            return new PartyDto(party.id(), party.displayName(), party.email());
        }
    }

    /** {@code claim_until} only for a transfer to an address without an account (status pending_claim until then). */
    public record TransferDto(String id, String status, PartyDto sender, PartyDto recipient, String amount,
                              String currency, String fee, String note, String transaction_id, String created,
                              String claim_until) {

        static TransferDto of(TransferView t) {
            return new TransferDto(t.id(), t.status().name().toLowerCase(), PartyDto.of(t.sender()),
                    PartyDto.of(t.recipient()), t.amount().toDecimal(), t.amount().currency(),
                    Money.zero(t.amount().currency(), t.amount().exponent()).toDecimal(), t.note(),
                    t.transactionId(), t.createdAt().toString(), t.claimUntil() == null ? null : t.claimUntil().toString());
        }
    }

    public record TransferList(List<TransferDto> data, boolean has_more) {
    }

    @POST
    public Response send(@HeaderParam("Idempotency-Key") String idempotencyKey, SendTransfer request) {
        SendTransfer body = request == null ? new SendTransfer(null, null, null, null, null, null) : request;
        TransferView sent;
        try {
            sent = transfers.send(idempotencyKey, new SendMoney(userId(), body.to(), body.amount(), body.currency(),
                    body.note()), new StepUpAnswer(body.challenge_id(), body.code()));
        } catch (StepUpRequired e) {
            return Problems.of(e, Messages.supported(http.getLocale()),
                    JsonBuilders.JSON.createObjectBuilder().add("challenge_id", e.challengeId()).build());
        }
        Response.ResponseBuilder response = Response.created(uriInfo.getAbsolutePathBuilder().path(sent.id()).build())
                .entity(TransferDto.of(sent));
        if (sent.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @POST
    @Path("{id}/cancel")
    public TransferDto cancel(@PathParam("id") String id) {
        return TransferDto.of(escrow.cancel(userId(), id));
    }

    @GET
    @Path("{id}")
    public TransferDto one(@PathParam("id") String id) {
        return TransferDto.of(transfers.find(userId(), id));
    }

    @GET
    public TransferList list(@QueryParam("limit") @DefaultValue("20") int limit,
                             @QueryParam("starting_after") String startingAfter) {
        if (limit < 1 || limit > 100) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("limit", "limit_invalid", 100)));
        }
        TransferPage page = transfers.list(userId(), startingAfter, limit);
        return new TransferList(page.transfers().stream().map(TransferDto::of).toList(), page.hasMore());
    }

    private String userId() {
        return security.getUserPrincipal().getName();
    }
}
