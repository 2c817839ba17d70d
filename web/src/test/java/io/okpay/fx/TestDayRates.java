package io.okpay.fx;

import io.okpay.fx.control.EcbReferenceRates;
import io.okpay.fx.control.RateProvider;
import io.okpay.fx.boundary.RateTable;
import io.okpay.sandbox.fx.SandboxRatesFeed;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Test-only, in the test server, in place of the ECB over HTTP (selected for the whole application by its priority):
 * a daily reference file in the ECB's own format, dated today, read by the real parser, so cross rates, staleness
 * checks and everything after them run as in production, with rates the test knows.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class TestDayRates implements RateProvider {

    /**
     * SANDBOX: the sandbox feed's shipped snapshot (io.okpay.sandbox.fx), labelled as sandbox rates as OKPay's ECB code
     * labels it with the sandbox feed on; its rates for the enabled currencies are the ones below, so other tests
     * running meanwhile convert at the same rates.
     */
    public enum Source { TODAY, TEN_DAYS_OLD, UNREACHABLE, SANDBOX }

    static volatile Source source = Source.TODAY;

    static final String ECB_FILE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
              <gesmes:subject>Reference rates</gesmes:subject>
              <Cube>
                <Cube time='%s'>
                  <Cube currency='USD' rate='1.0500'/>
                  <Cube currency='JPY' rate='162.40'/>
                  <Cube currency='GBP' rate='0.83250'/>
                  <Cube currency='CNY' rate='7.6083'/>
                  <Cube currency='HKD' rate='8.1712'/>
                  <Cube currency='SGD' rate='1.4120'/>
                </Cube>
              </Cube>
            </gesmes:Envelope>
            """;

    @Override
    public RateTable latest() throws IOException {
        if (source == Source.UNREACHABLE) {
            throw new IOException("the test made the rate source unreachable");
        }
        if (source == Source.SANDBOX) {
            return EcbReferenceRates.parse(new ByteArrayInputStream(SandboxRatesFeed.snapshot()), RateTable.SANDBOX,
                    Instant.now());
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String file = ECB_FILE.formatted(source == Source.TEN_DAYS_OLD ? today.minusDays(10) : today);
        return EcbReferenceRates.parse(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), Instant.now());
    }
}
