package io.okpay.currency.rest;

import io.okpay.currency.boundary.Currencies;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The currencies OKPay accepts now, with the number of decimals an amount may have in each. */
@Path("currencies")
@Produces(MediaType.APPLICATION_JSON)
public class CurrencyResource {

    @Inject
    Currencies currencies;

    public record CurrencyDto(String code, String name, int decimals) {
    }

    @GET
    public List<CurrencyDto> enabled() {
        return currencies.enabled().stream()
                .map(c -> new CurrencyDto(c.code(), c.name(), c.exponent()))
                .toList();
    }
}
