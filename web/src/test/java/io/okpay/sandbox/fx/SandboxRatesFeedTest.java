package io.okpay.sandbox.fx;

import io.okpay.fx.boundary.RateTable;
import io.okpay.fx.control.EcbReferenceRates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxRatesFeedTest {

    @Test
    @DisplayName("the shipped snapshot is an ECB daily file, dated, with a rate for every currency OKPay enables")
    void snapshot() throws Exception {
        RateTable table = EcbReferenceRates.parse(new ByteArrayInputStream(SandboxRatesFeed.snapshot()),
                RateTable.SANDBOX, Instant.EPOCH);
        assertEquals(LocalDate.of(2026, 11, 25), table.publishedOn());
        assertEquals("EUR", table.base());
        for (String currency : List.of("USD", "GBP", "CNY", "HKD", "JPY", "SGD")) {
            assertTrue(table.rate("EUR", currency).isPresent(), currency);
        }
        // The same rates as the integration tests' own day file (io.okpay.fx.TestDayRates), so either may be in use.
        assertEquals("1.0500 162.40 0.83250 7.6083 8.1712 1.4120", String.join(" ", List.of("USD", "JPY", "GBP", "CNY",
                "HKD", "SGD").stream().map(c -> table.rates().get(c).toPlainString()).toList()));
    }
}
