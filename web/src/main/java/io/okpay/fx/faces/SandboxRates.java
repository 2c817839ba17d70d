package io.okpay.fx.faces;

import io.okpay.fx.boundary.ExchangeRates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.LocalDate;

/**
 * For pages that show rates (convert, checkout's convert-and-pay): the date of the sandbox's rate snapshot when OKPay
 * quotes from it, so nobody takes those rates for today's market; empty with real rates (or none).
 */
@Named
@RequestScoped
public class SandboxRates {

    @Inject
    ExchangeRates exchangeRates;

    private String date;

    /** ISO date of the snapshot, or "" with the ECB's rates; asked once per request. */
    public String getDate() {
        if (date == null) {
            date = exchangeRates.sandboxRatesOf().map(LocalDate::toString).orElse("");
        }
        return date;
    }
}
