package io.okpay.payout.rest;

import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.payout.boundary.PayoutApproval;
import io.okpay.payout.boundary.PayoutOwner;
import io.okpay.payout.boundary.PayoutPage;
import io.okpay.payout.boundary.PayoutView;
import io.okpay.payout.boundary.Payouts;
import io.okpay.payout.boundary.WithdrawMoney;
import io.okpay.shared.BusinessException;
import io.okpay.shared.JsonBuilders;
import io.okpay.shared.Messages;
import io.okpay.shared.rest.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
 * Withdrawals to a bank account, for a person (USER token: from their wallet) and a merchant (MERCHANT token: from the
 * merchant account). {@code POST} needs an {@code Idempotency-Key}; the amount plus fee is held at once (status
 * pending) until OKPay's bank has made the transfer (paid) or could not (failed). A pending payout can be cancelled.
 */
@Path("payouts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"USER", "MERCHANT"})
public class PayoutResource {

    @EJB
    Payouts payouts;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest http;

    public record RequestPayout(String amount, String currency, String iban, String account_holder,
                                String challenge_id, String code) {
    }

    @POST
    public Response request(@HeaderParam("Idempotency-Key") String idempotencyKey, RequestPayout request) {
        RequestPayout body = request == null ? new RequestPayout(null, null, null, null, null, null) : request;
        WithdrawMoney order = new WithdrawMoney(owner(), body.amount(), body.currency(), body.iban(), body.account_holder());
        PayoutView payout;
        try {
            payout = security.isUserInRole("MERCHANT") ? payouts.requestByKey(idempotencyKey, order)
                    : payouts.request(idempotencyKey, order, new PayoutApproval(body.challenge_id(), body.code()));
        } catch (StepUpRequired e) {
            return Problems.of(e, Messages.supported(http.getLocale()),
                    JsonBuilders.JSON.createObjectBuilder().add("challenge_id", e.challengeId()).build());
        }
        Response.ResponseBuilder response = Response.created(uriInfo.getAbsolutePathBuilder().path(payout.id()).build())
                .entity(payout.json());
        if (payout.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    public JsonObject one(@PathParam("id") String id) {
        return payouts.find(owner(), id).json();
    }

    @GET
    public JsonObject list(@QueryParam("limit") @DefaultValue("20") int limit,
                           @QueryParam("starting_after") String startingAfter) {
        if (limit < 1 || limit > 100) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("limit", "limit_invalid", 100)));
        }
        return page(payouts.list(owner(), startingAfter, limit));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    public JsonObject cancel(@PathParam("id") String id) {
        return payouts.cancel(owner(), id).json();
    }

    static JsonObject page(PayoutPage page) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        page.payouts().forEach(p -> data.add(p.json()));
        return Json.createObjectBuilder().add("data", data).add("has_more", page.hasMore()).build();
    }

    /** A MERCHANT token's subject is the merchant (mch_...); a person's token names the person (usr_...). */
    private PayoutOwner owner() {
        String subject = security.getUserPrincipal().getName();
        return security.isUserInRole("MERCHANT") ? PayoutOwner.merchant(subject) : PayoutOwner.person(subject);
    }
}
