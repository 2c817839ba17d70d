package io.okpay.merchant.rest;

import io.okpay.merchant.boundary.MerchantBalances;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.shared.Balance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;

/** The calling merchant itself (MERCHANT access token from POST /api/v1/oauth/token): its profile and balances. */
@Path("merchant")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("MERCHANT")
public class MerchantSelfResource {

    @EJB
    Merchants merchants;

    @EJB
    MerchantBalances balances;

    @Context
    SecurityContext security;

    /** Amounts as decimal strings with the currency's decimals; available = balance minus what payouts hold. */
    public record BalanceDto(String currency, String balance, String available) {

        static BalanceDto of(Balance balance) {
            return new BalanceDto(balance.balance().currency(), balance.balance().toDecimal(),
                    balance.available().toDecimal());
        }
    }

    @GET
    public MerchantDto profile() {
        return MerchantDto.of(merchants.require(merchantId()));
    }

    @GET
    @Path("balances")
    public List<BalanceDto> balances() {
        return balances.of(merchantId()).stream().map(BalanceDto::of).toList();
    }

    private String merchantId() {
        return security.getUserPrincipal().getName();
    }
}
