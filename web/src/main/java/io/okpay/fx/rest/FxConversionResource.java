package io.okpay.fx.rest;

import io.okpay.fx.boundary.Conversions;
import io.okpay.fx.boundary.FxConversionView;
import io.okpay.fx.boundary.FxQuoteView;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.shared.JsonBuilders;
import io.okpay.shared.Messages;
import io.okpay.shared.rest.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
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
import jakarta.ws.rs.core.UriInfo;

/**
 * Currency conversion between the caller's own balances: a quote fixes rate, amounts and fee for a short while
 * ({@code expires_at}); converting it ({@code Idempotency-Key} required) moves exactly those amounts, once.
 */
@Path("fx")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class FxConversionResource {

    @EJB
    Conversions conversions;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest http;

    /**
     * Exactly one of sell_amount and buy_amount; challenge_id and code when a large conversion asked for a code
     * (403 step_up_required).
     */
    public record QuoteRequest(String sell_currency, String buy_currency, String sell_amount, String buy_amount,
                               String challenge_id, String code) {
    }

    /** Amounts in their currencies' decimals; the fee is in the sell currency, on top of sell_amount. */
    public record QuoteDto(String id, String sell_currency, String buy_currency, String sell_amount, String buy_amount,
                           String rate, String fee, String total, String expires_at) {

        static QuoteDto of(FxQuoteView q) {
            return new QuoteDto(q.id(), q.sell().currency(), q.buy().currency(), q.sell().toDecimal(), q.buy().toDecimal(),
                    q.rate(), q.fee().toDecimal(), q.total().toDecimal(), q.expiresAt().toString());
        }
    }

    public record ConversionRequest(String quote_id) {
    }

    public record ConversionDto(String id, String status, String quote_id, String sell_currency, String buy_currency,
                                String sell_amount, String buy_amount, String rate, String fee, String transaction_id,
                                String created) {

        static ConversionDto of(FxConversionView c) {
            return new ConversionDto(c.id(), "completed", c.quoteId(), c.sell().currency(), c.buy().currency(),
                    c.sell().toDecimal(), c.buy().toDecimal(), c.rate(), c.fee().toDecimal(), c.transactionId(),
                    c.createdAt().toString());
        }
    }

    @POST
    @Path("quotes")
    public Response quote(QuoteRequest request) {
        QuoteRequest body = request == null ? new QuoteRequest(null, null, null, null, null, null) : request;
        FxQuoteView quote;
        try {
            quote = conversions.quote(userId(), body.sell_currency(), body.buy_currency(), body.sell_amount(),
                    body.buy_amount(), body.challenge_id(), body.code());
        } catch (StepUpRequired e) {
            return Problems.of(e, Messages.supported(http.getLocale()),
                    JsonBuilders.JSON.createObjectBuilder().add("challenge_id", e.challengeId()).build());
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(quote.id()).build()).entity(QuoteDto.of(quote)).build();
    }

    @GET
    @Path("quotes/{id}")
    public QuoteDto quote(@PathParam("id") String id) {
        return QuoteDto.of(conversions.findQuote(userId(), id));
    }

    @POST
    @Path("conversions")
    public Response convert(@HeaderParam("Idempotency-Key") String idempotencyKey, ConversionRequest request) {
        FxConversionView done = conversions.convert(userId(), idempotencyKey, request == null ? null : request.quote_id());
        Response.ResponseBuilder response = Response.created(uriInfo.getBaseUriBuilder().path("fx/conversions")
                .path(done.id()).build()).entity(ConversionDto.of(done));
        if (done.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("conversions/{id}")
    public ConversionDto conversion(@PathParam("id") String id) {
        return ConversionDto.of(conversions.findConversion(userId(), id));
    }

    private String userId() {
        return security.getUserPrincipal().getName();
    }
}
