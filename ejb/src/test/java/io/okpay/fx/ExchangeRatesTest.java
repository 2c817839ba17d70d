package io.okpay.fx;

import io.okpay.fx.boundary.ExchangeRates;
import io.okpay.fx.control.RateProvider;
import io.okpay.fx.boundary.RateTable;
import io.okpay.shared.BusinessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExchangeRatesTest {

    /** A provider that answers from a script: a table, or a failure. */
    static class ScriptedProvider implements RateProvider {
        final Deque<Object> answers = new ArrayDeque<>();
        int calls;

        @Override
        public RateTable latest() throws IOException {
            calls++;
            Object next = answers.isEmpty() ? new IOException("no more answers") : answers.poll();
            if (next instanceof IOException e) {
                throw e;
            }
            return (RateTable) next;
        }
    }

    ScriptedProvider provider;
    ExchangeRates cut;

    @BeforeEach
    void setUp() throws Exception {
        provider = new ScriptedProvider();
        cut = new ExchangeRates();
        set("provider", provider);
        set("refreshInterval", Duration.ZERO);
        set("maxAge", Duration.ofDays(5));
    }

    private void set(String field, Object value) throws Exception {
        var f = ExchangeRates.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(cut, value);
    }

    private static RateTable published(LocalDate day, String usd) {
        return new RateTable("ecb", "EUR", day, Map.of("USD", new BigDecimal(usd)), Instant.now());
    }

    @Test
    @DisplayName("keeps the last good rates when a refresh fails")
    void keepsLastGoodRates() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        provider.answers.add(published(today, "1.05"));
        provider.answers.add(new IOException("ECB down"));
        assertEquals(new BigDecimal("1.05"), cut.midRate("EUR", "USD"));
        assertEquals(new BigDecimal("1.05"), cut.midRate("EUR", "USD"));
        assertEquals(2, provider.calls);
    }

    @Test
    @DisplayName("refuses rates published longer ago than the maximum age, and having none at all")
    void refusesStaleRates() {
        provider.answers.add(published(LocalDate.now(ZoneOffset.UTC).minusDays(6), "1.05"));
        BusinessException stale = assertThrows(BusinessException.class, () -> cut.midRate("EUR", "USD"));
        assertEquals("fx_rates_unavailable", stale.code());
    }

    @Test
    @DisplayName("the sandbox's dated snapshot is used however old, and pages learn its date; the ECB's rates have none")
    void sandboxSnapshot() {
        LocalDate snapshot = LocalDate.now(ZoneOffset.UTC).minusDays(90);
        provider.answers.add(new RateTable(RateTable.SANDBOX, "EUR", snapshot, Map.of("USD", new BigDecimal("1.05")),
                Instant.now()));
        assertEquals(new BigDecimal("1.05"), cut.midRate("EUR", "USD"));
        provider.answers.add(new RateTable(RateTable.SANDBOX, "EUR", snapshot, Map.of("USD", new BigDecimal("1.05")),
                Instant.now()));
        assertEquals(Optional.of(snapshot), cut.sandboxRatesOf());

        provider.answers.add(published(LocalDate.now(ZoneOffset.UTC), "1.05"));
        assertEquals(Optional.empty(), cut.sandboxRatesOf());
        provider.answers.add(new IOException("ECB down"));
        assertEquals(Optional.empty(), cut.sandboxRatesOf(), "the last good ECB rates are still no sandbox rates");
    }

    @Test
    @DisplayName("with the provider down from the start there are no rates to quote from")
    void providerDownFromStart() {
        provider.answers.add(new IOException("ECB unreachable"));
        assertEquals("fx_rates_unavailable", assertThrows(BusinessException.class, cut::current).code());
    }

    @Test
    @DisplayName("a pair the table does not have is refused with its own code")
    void unknownPair() {
        provider.answers.add(published(LocalDate.now(ZoneOffset.UTC), "1.05"));
        assertEquals("fx_rate_unavailable", assertThrows(BusinessException.class, () -> cut.midRate("USD", "KWD")).code());
    }
}
