package io.okpay.wallet.rest;

import io.okpay.wallet.boundary.Statement;
import io.okpay.wallet.boundary.WalletCsv;
import io.okpay.wallet.boundary.Wallets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Monthly statements: one calendar month of one balance in the caller's time zone ({@code from} and {@code to} carry
 * its offset), as JSON, or as CSV with {@code Accept: text/csv} or
 * {@code ?format=csv}. A future month is a field error; a month before the balance existed is an empty statement.
 */
@Path("statements")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@RolesAllowed("USER")
public class StatementResource {

    static final MediaType CSV = MediaType.valueOf("text/csv");

    @EJB
    Wallets wallets;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    /**
     * Balances as decimal strings; {@code money_in} and {@code money_out} are both positive; {@code from} and {@code to}
     * are the month's first moment and the next month's, in {@code time_zone} with its offset.
     */
    public record StatementDto(String month, String currency, String time_zone, String from, String to,
                               String opening_balance, String money_in, String money_out, String closing_balance,
                               List<TransactionResource.TransactionDto> entries) {

        static StatementDto of(Statement s) {
            return new StatementDto(s.month().toString(), s.currency(), s.zone().getId(),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(s.from().atZone(s.zone())),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(s.to().atZone(s.zone())),
                    s.opening().toDecimal(), s.moneyIn().toDecimal(), s.moneyOut().toDecimal(), s.closing().toDecimal(),
                    s.entries().stream().map(TransactionResource.TransactionDto::of).toList());
        }
    }

    @GET
    @Path("{month}")
    public Response statement(@PathParam("month") String month, @QueryParam("currency") String currency,
                              @QueryParam("format") String format) {
        String caller = security.getUserPrincipal().getName();
        Statement statement = wallets.statement(caller, month, currency);
        if (wantsCsv(format)) {
            return TransactionResource.attachment(WalletCsv.statement(statement, wallets.languageOf(caller)),
                    "okpay-statement-" + statement.month() + "-" + statement.currency() + ".csv");
        }
        return Response.ok(StatementDto.of(statement), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** CSV when asked by name, or when the type the client prefers most is CSV itself (not merely a wildcard). */
    private boolean wantsCsv(String format) {
        if (format != null && !format.isBlank()) {
            return "csv".equalsIgnoreCase(format.trim());
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        MediaType preferred = accepted.isEmpty() ? MediaType.WILDCARD_TYPE : accepted.get(0);
        return !preferred.isWildcardType() && !preferred.isWildcardSubtype() && preferred.isCompatible(CSV);
    }
}
