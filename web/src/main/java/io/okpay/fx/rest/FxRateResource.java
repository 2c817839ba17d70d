package io.okpay.fx.rest;

import io.okpay.currency.boundary.Currencies;
import io.okpay.fx.boundary.ExchangeRates;
import io.okpay.fx.boundary.RateTable;
import io.okpay.shared.BusinessException;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Mid-market reference rates between the currencies OKPay handles; what a conversion quote starts from. */
@Path("fx/rates")
@Produces(MediaType.APPLICATION_JSON)
public class FxRateResource {

    private static final MathContext SHOWN = new MathContext(10, RoundingMode.HALF_EVEN);

    @Inject
    ExchangeRates exchangeRates;

    @Inject
    Currencies currencies;

    /** Rates as decimal strings, like amounts: a JSON number would invite floating point. */
    public record RatesDto(String base, String source, String published_on, Map<String, String> rates) {
    }

    @GET
    public RatesDto rates(@QueryParam("base") @DefaultValue("USD") String base) {
        List<String> enabled = currencies.enabledCodes();
        if (!enabled.contains(base)) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("base", "currency_unsupported")));
        }
        RateTable table = exchangeRates.current();
        Map<String, String> rates = new TreeMap<>();
        for (String code : enabled) {
            if (!code.equals(base)) {
                table.rate(base, code).ifPresent(rate -> rates.put(code, shown(rate)));
            }
        }
        return new RatesDto(base, table.source(), table.publishedOn().toString(), rates);
    }

    private static String shown(BigDecimal rate) {
        return rate.round(SHOWN).stripTrailingZeros().toPlainString();
    }
}
