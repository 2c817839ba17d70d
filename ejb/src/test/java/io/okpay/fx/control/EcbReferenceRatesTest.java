package io.okpay.fx.control;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import io.okpay.fx.boundary.RateTable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EcbReferenceRatesTest {

    private static InputStream sample() {
        return EcbReferenceRatesTest.class.getResourceAsStream("/fx/eurofxref-daily.xml");
    }

    @Test
    @DisplayName("reads the date and the rates per euro of the ECB's daily file")
    void parsesSample() throws IOException {
        RateTable cut = EcbReferenceRates.parse(sample(), Instant.EPOCH);
        assertEquals(LocalDate.of(2026, 11, 25), cut.publishedOn());
        assertEquals("EUR", cut.base());
        assertEquals(new BigDecimal("1.0500"), cut.rates().get("USD"));
        assertEquals(8, cut.rates().size());
    }

    @Test
    @DisplayName("gives direct, inverse and cross rates through the euro")
    void crossRates() throws IOException {
        RateTable cut = EcbReferenceRates.parse(sample(), Instant.EPOCH);
        assertEquals(0, new BigDecimal("1.0500").compareTo(cut.rate("EUR", "USD").orElseThrow()));
        assertEquals(0, new BigDecimal("0.952380952381").compareTo(cut.rate("USD", "EUR").orElseThrow()));
        // 1 USD = 162.40 / 1.05 JPY
        assertEquals(0, new BigDecimal("154.666666667").compareTo(cut.rate("USD", "JPY").orElseThrow()));
        assertEquals(0, BigDecimal.ONE.compareTo(cut.rate("GBP", "GBP").orElseThrow()));
        assertTrue(cut.rate("USD", "XAU").isEmpty());
    }

    @Test
    @DisplayName("refuses documents that are not reference rates, with entities, or with nonsense rates")
    void refusesBadDocuments() {
        assertThrows(IOException.class, () -> parse("<html><body>Service unavailable</body></html>"));
        assertThrows(IOException.class, () -> parse("not xml at all"));
        assertThrows(IOException.class, () -> parse("""
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <Envelope xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube><Cube time="2026-11-25">
                <Cube currency="USD" rate="&e;"/></Cube></Cube></Envelope>"""));
        assertThrows(IOException.class, () -> parse("""
                <Envelope xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube><Cube time="2026-11-25">
                <Cube currency="USD" rate="-1.05"/></Cube></Cube></Envelope>"""));
        assertThrows(IOException.class, () -> parse("""
                <Envelope xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube><Cube time="2026-11-25">
                </Cube></Cube></Envelope>"""));
    }

    @Test
    @DisplayName("fetches the file over HTTP from the configured address")
    void fetchesOverHttp() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = sample().readAllBytes();
        server.createContext("/eurofxref-daily.xml", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/down", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            EcbRateProvider cut = new EcbRateProvider();
            cut.url = "http://127.0.0.1:" + server.getAddress().getPort() + "/eurofxref-daily.xml";
            assertEquals(new BigDecimal("162.40"), cut.latest().rates().get("JPY"));
            cut.url = "http://127.0.0.1:" + server.getAddress().getPort() + "/down";
            assertThrows(IOException.class, cut::latest);
        } finally {
            server.stop(0);
        }
    }

    @Test
    @DisplayName("with the sandbox feed on, the same code reads the sandbox's address instead of the ECB's and says so")
    void readsTheSandboxFeedWhenOn() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] ecb = sample().readAllBytes();
        byte[] snapshot = """
                <?xml version="1.0" encoding="UTF-8"?>
                <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
                  <Cube><Cube time='2026-06-30'><Cube currency='USD' rate='1.1000'/></Cube></Cube>
                </gesmes:Envelope>""".getBytes(StandardCharsets.UTF_8);
        for (var path : new Object[][]{{"/ecb.xml", ecb}, {"/sandbox/fx/eurofxref-daily.xml", snapshot}}) {
            byte[] body = (byte[]) path[1];
            server.createContext((String) path[0], exchange -> {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
        }
        server.start();
        try {
            String at = "http://127.0.0.1:" + server.getAddress().getPort();
            EcbRateProvider cut = new EcbRateProvider();
            cut.url = at + "/ecb.xml";
            cut.sandboxUrl = java.util.Optional.of(at + "/sandbox/fx/eurofxref-daily.xml");
            RateTable real = cut.latest();
            assertEquals(RateTable.ECB, real.source());
            assertEquals(LocalDate.of(2026, 11, 25), real.publishedOn());

            cut.sandbox = true;
            RateTable sandbox = cut.latest();
            assertEquals(RateTable.SANDBOX, sandbox.source());
            assertTrue(sandbox.sandbox());
            assertEquals(LocalDate.of(2026, 6, 30), sandbox.publishedOn());
            assertEquals(new BigDecimal("1.1000"), sandbox.rates().get("USD"));
        } finally {
            server.stop(0);
        }
    }

    private static RateTable parse(String xml) throws IOException {
        return EcbReferenceRates.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), Instant.EPOCH);
    }
}
