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

import java.util.List;

/** The caller's balances, one per currency they have used. */
@Path("balances")
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
    public List<BalanceDto> balances() {
        return wallets.balances(security.getUserPrincipal().getName()).stream().map(BalanceDto::of).toList();
    }
}
