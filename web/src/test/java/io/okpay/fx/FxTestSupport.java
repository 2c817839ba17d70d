package io.okpay.fx;

import io.okpay.ledger.boundary.Reconciliation;
import io.okpay.ledger.boundary.ReconciliationReport;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Deployed by ConversionIT only. Plays the European Central Bank: serves a daily reference file in the ECB's own
 * format, dated today, so the real provider, parser and cross rates are used; points the application at it (and sets
 * a conversion fee) before anything reads those settings; ends a quote's validity early; runs a reconciliation.
 */
@Stateless
@Path("test-fx")
public class FxTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    Reconciliation reconciliation;

    @GET
    @Path("ecb")
    @Produces(MediaType.APPLICATION_XML)
    public String ecb() {
        return """
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
                """.formatted(LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Must run before the first quote: the application's Config may keep a value it has read, so these are set once
     * at the start and never changed.
     */
    @POST
    @Path("settings")
    @Produces(MediaType.TEXT_PLAIN)
    public String settings(@QueryParam("ecb-url") String ecbUrl, @QueryParam("fee-bps") String feeBps) {
        System.setProperty("okpay.fx.ecb-url", ecbUrl);
        System.setProperty("okpay.fx.fee-bps", feeBps);
        return ecbUrl;
    }

    @POST
    @Path("expire/{quote}")
    @Produces(MediaType.TEXT_PLAIN)
    public String expire(@PathParam("quote") String quoteId) {
        return Integer.toString(em.createNativeQuery("UPDATE fx_quote SET expires_at = ? WHERE public_id = ?")
                .setParameter(1, Instant.now().minusSeconds(1)).setParameter(2, quoteId).executeUpdate());
    }

    /** "consistent", or the problems the reconciliation found. */
    @POST
    @Path("reconciliation")
    @Produces(MediaType.TEXT_PLAIN)
    public String reconcile() {
        ReconciliationReport report = reconciliation.run();
        return report.consistent() ? "consistent" : String.join("\n", report.problems());
    }
}
