package io.okpay.privacy.rest;

import io.okpay.identity.boundary.AccountClosure;
import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.privacy.boundary.AccountClosing;
import io.okpay.privacy.boundary.BalancesNotZero;
import io.okpay.privacy.boundary.ExportFiles;
import io.okpay.shared.JsonBuilders;
import io.okpay.shared.Messages;
import io.okpay.shared.rest.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Locale;

/**
 * "Close my account" for apps. The first request (no code) checks that every balance is zero (422
 * {@code closure_balance_not_zero} with the {@code balances} left) and sends a one-time code (403
 * {@code step_up_required} with {@code challenge_id}); the same request with {@code challenge_id} and {@code code}
 * closes the account. From then on the person cannot sign in and every token of theirs is refused (401).
 */
@Path("me/closure")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class ClosureResource {

    @EJB
    AccountClosing closing;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    public record Approval(String challenge_id, String code) {
    }

    public record ClosureDto(String status, String closed_at, String data_kept_until) {
    }

    @POST
    public Response close(Approval request) {
        Approval body = request == null ? new Approval(null, null) : request;
        Locale locale = Messages.supported(http.getLocale());
        try {
            AccountClosure.Closed closed = closing.close(security.getUserPrincipal().getName(), body.challenge_id(),
                    body.code());
            return Response.ok(new ClosureDto("closed", ExportFiles.time(closed.closedAt()),
                    ExportFiles.time(closed.eraseAfter()))).build();
        } catch (StepUpRequired e) {
            return Problems.of(e, locale, JsonBuilders.JSON.createObjectBuilder().add("challenge_id", e.challengeId()).build());
        } catch (BalancesNotZero e) {
            JsonArrayBuilder balances = JsonBuilders.JSON.createArrayBuilder();
            e.amounts().forEach(m -> balances.add(JsonBuilders.JSON.createObjectBuilder()
                    .add("amount", m.toDecimal()).add("currency", m.currency())));
            return Problems.of(e, locale, JsonBuilders.JSON.createObjectBuilder().add("balances", balances).build());
        }
    }
}
