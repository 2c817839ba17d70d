package io.okpay.funding.rest;

import io.okpay.funding.boundary.BankTransferTopUpCommand;
import io.okpay.funding.boundary.BankTransferTopUps;
import io.okpay.funding.boundary.CardChallengeCommand;
import io.okpay.funding.boundary.CardInput;
import io.okpay.funding.boundary.CardTopUpCommand;
import io.okpay.funding.boundary.CardTopUps;
import io.okpay.funding.boundary.SavedCardTopUpCommand;
import io.okpay.funding.boundary.TopUpMethod;
import io.okpay.funding.boundary.TopUpQueries;
import io.okpay.funding.boundary.TopUpView;
import io.okpay.funding.boundary.VoucherTopUpCommand;
import io.okpay.funding.boundary.VoucherTopUps;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.rest.ProblemStatuses;
import io.okpay.shared.rest.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.net.URI;
import java.util.List;

/**
 * Top-ups of the caller's wallet (bearer token of a verified person): by card, by bank transfer (answers
 * the reference and OKPay's bank details; credited when the statement arrives) or by e-money voucher. Writes take an
 * {@code Idempotency-Key}: a replay answers the first top-up (200 instead of 201), another body with the same key 409.
 */
@Path("topups")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class TopUpResource {

    @EJB
    CardTopUps cardTopUps;

    @EJB
    BankTransferTopUps bankTransferTopUps;

    @EJB
    VoucherTopUps voucherTopUps;

    @EJB
    TopUpQueries topUps;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @Inject
    ReceivingAccount bank;

    /** The card as typed; {@code exp_year} as on the card (2030 or 30). */
    public record CardBody(String number, Integer exp_month, Integer exp_year, String cvc) {

        @Override
        public String toString() {
            return "CardBody[masked]";
        }
    }

    public record TopUpRequest(String method, String amount, String currency, CardBody card, String card_id,
                               Boolean save_card, String code) {
    }

    public record ChallengeAnswer(String code) {
    }

    @POST
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, TopUpRequest request) {
        TopUpRequest body = request == null ? new TopUpRequest(null, null, null, null, null, null, null) : request;
        TopUpMethod method = TopUpMethod.fromWireName(body.method() == null ? "" : body.method())
                .orElseThrow(() -> BusinessException.invalid(List.of(new FieldError("method", "topup_method_invalid"))));
        TopUpView view;
        try {
            view = switch (method) {
                case CARD -> {
                    CardBody card = body.card();
                    yield body.card_id() != null && card == null
                            ? cardTopUps.topUp(new SavedCardTopUpCommand(userId(), idempotencyKey, body.amount(),
                            body.currency(), body.card_id()))
                            : cardTopUps.topUp(new CardTopUpCommand(userId(), idempotencyKey, body.amount(),
                            body.currency(), card == null ? null
                            : new CardInput(card.number(), card.exp_month(), card.exp_year(), card.cvc()),
                            Boolean.TRUE.equals(body.save_card())));
                }
                case VOUCHER -> voucherTopUps.topUp(new VoucherTopUpCommand(userId(), idempotencyKey, body.code()));
                case BANK_TRANSFER -> bankTransferTopUps.topUp(new BankTransferTopUpCommand(userId(), idempotencyKey,
                        body.amount(), body.currency()));
            };
        } catch (BusinessException e) {
            if (ProblemStatuses.of(e.code()) == 429) {
                return Response.fromResponse(Problems.of(e, http.getLocale())).header("Retry-After", e.args()[0]).build();
            }
            throw e;
        }
        TopUpDto dto = TopUpDto.of(view, http.getLocale(), bank);
        return view.replayed() ? Response.ok(dto).build()
                : Response.created(URI.create("/api/v1/topups/" + view.id())).entity(dto).build();
    }

    @GET
    @Path("{id}")
    public TopUpDto find(@PathParam("id") String id) {
        return TopUpDto.of(topUps.find(userId(), id), http.getLocale(), bank);
    }

    @POST
    @Path("{id}/challenge")
    public TopUpDto challenge(@PathParam("id") String id, ChallengeAnswer answer) {
        return TopUpDto.of(cardTopUps.completeChallenge(new CardChallengeCommand(userId(), id,
                answer == null ? null : answer.code())), http.getLocale(), bank);
    }

    private String userId() {
        return security.getUserPrincipal().getName();
    }
}
