package io.okpay.wallet.rest;

import io.okpay.shared.BusinessException;
import io.okpay.shared.Csv;
import io.okpay.wallet.boundary.Activity;
import io.okpay.wallet.boundary.HistoryFilter;
import io.okpay.wallet.boundary.TransactionDetail;
import io.okpay.wallet.boundary.WalletCsv;
import io.okpay.wallet.boundary.Wallets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

/**
 * The caller's history across all their balances, newest first: each movement with the balance after it (the running
 * balance per currency). Filters {@code currency}, {@code type} (p2p_transfer, topup ...), {@code from} and {@code to}
 * (YYYY-MM-DD, days in the caller's time zone, both included) and {@code counterparty} (part of a username or e-mail address); pages with
 * {@code limit} (up to 100) and {@code starting_after} = the previous page's {@code next_cursor} (opaque). One
 * transaction in detail, and the same filters as a CSV file.
 */
@Path("transactions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class TransactionResource {

    @EJB
    Wallets wallets;

    @Context
    SecurityContext security;

    /**
     * {@code amount} is signed: positive when money came in; {@code fee} is what the caller paid OKPay, in the same
     * currency (a shop's fee on the caller's payment is the shop's, not theirs); {@code counterparty} is the other
     * person, or the shop of a payment or refund, with its {@code order} reference.
     */
    public record TransactionDto(String transaction_id, String type, String currency, String amount, String fee,
                                 String balance_after, String created, String transfer_id, String counterparty,
                                 String order, String note) {

        static TransactionDto of(Activity.Item item) {
            return new TransactionDto(item.transactionId(), item.code(), item.currency(), item.change().toDecimal(),
                    item.fee().toDecimal(), item.balanceAfter().toDecimal(), item.createdAt().toString(),
                    item.transferId(), item.counterparty(), item.order(), item.note());
        }
    }

    public record TransactionList(List<TransactionDto> data, boolean has_more, String next_cursor) {
    }

    /** One line per balance of the caller's that the transaction moved (two for a conversion). */
    public record DetailLine(String currency, String amount, String fee, String balance_after) {
    }

    public record TransactionDetailDto(String transaction_id, String type, String created, String counterparty,
                                       String order, String note, String reference, List<DetailLine> lines) {

        static TransactionDetailDto of(TransactionDetail detail) {
            return new TransactionDetailDto(detail.transactionId(), detail.code(), detail.createdAt().toString(),
                    detail.counterparty(), detail.order(), detail.note(), detail.reference(), detail.lines().stream()
                    .map(l -> new DetailLine(l.currency(), l.change().toDecimal(), l.fee().toDecimal(),
                            l.balanceAfter().toDecimal())).toList());
        }
    }

    @GET
    public TransactionList list(@QueryParam("currency") String currency, @QueryParam("type") String type,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("counterparty") String counterparty,
                                @QueryParam("limit") @DefaultValue("20") int limit,
                                @QueryParam("starting_after") String startingAfter) {
        if (limit < 1 || limit > 100) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("limit", "limit_invalid", 100)));
        }
        Activity page = wallets.activity(caller(), HistoryFilter.of(currency, type, from, to, counterparty,
                wallets.zoneOf(caller())), decode(startingAfter), limit);
        return new TransactionList(page.items().stream().map(TransactionDto::of).toList(), page.nextCursor() != null,
                encode(page.nextCursor()));
    }

    @GET
    @Path("export")
    @Produces(WalletCsv.MEDIA_TYPE)
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("currency") String currency, @QueryParam("type") String type,
                           @QueryParam("counterparty") String counterparty) {
        ZoneId zone = wallets.zoneOf(caller());
        HistoryFilter filter = HistoryFilter.forExport(currency, type, from, to, counterparty, zone);
        String csv = WalletCsv.history(wallets.export(caller(), filter), wallets.languageOf(caller()), zone);
        return attachment(csv, "okpay-transactions-" + from.trim() + "-to-" + to.trim() + ".csv");
    }

    @GET
    @Path("{id}")
    public TransactionDetailDto one(@PathParam("id") String id) {
        return TransactionDetailDto.of(wallets.transaction(caller(), id));
    }

    /** A CSV body as a download; the name holds only characters a Content-Disposition needs no quoting rules for. */
    static Response attachment(String csv, String fileName) {
        return Response.ok(csv.getBytes(StandardCharsets.UTF_8), WalletCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .build();
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    static String encode(Long cursor) {
        return cursor == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(("e" + cursor).getBytes(StandardCharsets.US_ASCII));
    }

    static Long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith("e")) {
                return Long.parseLong(text.substring(1));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the field error below (NumberFormatException is an IllegalArgumentException)
        }
        throw BusinessException.invalid(List.of(new BusinessException.FieldError("starting_after", "cursor_invalid")));
    }
}
