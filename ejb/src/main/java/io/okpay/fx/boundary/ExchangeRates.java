package io.okpay.fx.boundary;

import io.okpay.fx.control.RateProvider;
import io.okpay.shared.BusinessException;
import io.okpay.shared.MidRates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rates OKPay quotes from: fetched from the provider at most every {@code okpay.fx.refresh-interval}, kept when a
 * fetch fails, and refused once the publication is older than {@code okpay.fx.max-age} (a weekend and a holiday
 * included by default), so nobody converts at a rate the market left days ago.
 */
@ApplicationScoped
public class ExchangeRates implements MidRates {

    private static final Logger LOG = Logger.getLogger(ExchangeRates.class.getName());

    @Inject
    RateProvider provider;

    @Inject
    @ConfigProperty(name = "okpay.fx.refresh-interval", defaultValue = "PT1H")
    Duration refreshInterval;

    @Inject
    @ConfigProperty(name = "okpay.fx.max-age", defaultValue = "P5D")
    Duration maxAge;

    private final AtomicReference<RateTable> cached = new AtomicReference<>();

    /** Units of {@code to} one unit of {@code from} buys at mid-market; 503 rates_unavailable when OKPay has none. */
    @Override
    public BigDecimal midRate(String from, String to) {
        return current().rate(from, to)
                .orElseThrow(() -> new BusinessException("fx_rate_unavailable", from, to));
    }

    /** The freshest rate table OKPay may use now. */
    public RateTable current() {
        Instant now = Instant.now();
        RateTable table = cached.get();
        if (table == null || table.fetchedAt().plus(refreshInterval).isBefore(now)) {
            table = refresh(table);
        }
        if (table == null || isStale(table, now)) {
            throw new BusinessException("fx_rates_unavailable");
        }
        return table;
    }

    private synchronized RateTable refresh(RateTable seen) {
        RateTable table = cached.get();
        if (table != seen) {
            return table; // another request refreshed while this one waited
        }
        try {
            table = provider.latest();
            cached.set(table);
            return table;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Exchange rates could not be refreshed; keeping the last ones: " + e.getMessage());
            return seen;
        }
    }

    /** The publication date of the rates in use when they are the sandbox's snapshot, for pages to say so. */
    public Optional<LocalDate> sandboxRatesOf() {
        try {
            RateTable table = current();
            return table.sandbox() ? Optional.of(table.publishedOn()) : Optional.empty();
        } catch (BusinessException noRates) {
            return Optional.empty();
        }
    }

    /** A sandbox snapshot keeps its date for good: it is labelled as such instead of refused. */
    boolean isStale(RateTable table, Instant now) {
        return !table.sandbox()
                && table.publishedOn().atStartOfDay(ZoneOffset.UTC).toInstant().plus(maxAge).isBefore(now);
    }
}
