package io.okpay.wallet.rest;

import io.okpay.shared.BusinessException;
import io.okpay.wallet.boundary.Activity;
import io.okpay.wallet.boundary.Wallets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The caller's history across all their balances, newest first: each movement with the balance after it (the running
 * balance per currency). Filters {@code currency} and {@code type} (p2p_transfer, topup ...); pages with
 * {@code limit} (up to 100) and {@code starting_after} = the previous page's {@code next_cursor} (opaque).
 */
@Path("transactions")
@Tag(name = "Wallet")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class TransactionResource {

    @EJB
    Wallets wallets;

    @Context
    SecurityContext security;

    /** {@code amount} is signed: positive when money came in. */
    public record TransactionDto(String transaction_id, String type, String currency, String amount,
                                 String balance_after, String created, String transfer_id, String counterparty) {

        static TransactionDto of(Activity.Item item) {
            return new TransactionDto(item.transactionId(), item.code(), item.change().currency(),
                    item.change().toDecimal(), item.balanceAfter().toDecimal(), item.createdAt().toString(),
                    item.transferId(), item.counterparty());
        }
    }

    public record TransactionList(List<TransactionDto> data, boolean has_more, String next_cursor) {
    }

    @GET
    @Operation(summary = "The caller's transactions across balances, newest first, with the balance after each")
    public TransactionList list(@QueryParam("currency") String currency, @QueryParam("type") String type,
                                @QueryParam("limit") @DefaultValue("20") int limit,
                                @QueryParam("starting_after") String startingAfter) {
        if (limit < 1 || limit > 100) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("limit", "limit_invalid", 100)));
        }
        Activity page = wallets.activity(security.getUserPrincipal().getName(), blankToNull(currency), blankToNull(type),
                decode(startingAfter), limit);
        return new TransactionList(page.items().stream().map(TransactionDto::of).toList(), page.nextCursor() != null,
                encode(page.nextCursor()));
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
