package io.okpay.wallet.rest;

import io.okpay.shared.Balance;
import io.okpay.wallet.boundary.Wallets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The caller's balances, one per currency they have used. */
@Path("balances")
@Tag(name = "Wallet")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class BalanceResource {

    @EJB
    Wallets wallets;

    @Context
    SecurityContext security;

    /** Amounts as decimal strings with the currency's decimals. */
    public record BalanceDto(String currency, String balance, String available) {

        static BalanceDto of(Balance balance) {
            return new BalanceDto(balance.currency(), balance.balance().toDecimal(), balance.available().toDecimal());
        }
    }

    @GET
    @Operation(summary = "Every balance of the signed-in person: balance and available (balance minus held) per currency")
    public List<BalanceDto> balances() {
        return wallets.balances(security.getUserPrincipal().getName()).stream().map(BalanceDto::of).toList();
    }
}
