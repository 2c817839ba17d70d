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

/**
 * Test-only, in the test server (for ConversionIT): names the newest quote, ends a quote's validity early, runs a reconciliation.
 */
@Stateless
@Path("test-fx")
public class FxTestSupport {

    /** Tests that switch the rate source hold this lock: the source is one for the whole server. */
    public static final String RATE_SOURCE = "okpay.it.fx.rate-source";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    Reconciliation reconciliation;

    /** What {@link TestDayRates} serves from now on: TODAY, TEN_DAYS_OLD, UNREACHABLE or SANDBOX. */
    @POST
    @Path("rate-source/{source}")
    @Produces(MediaType.TEXT_PLAIN)
    public String rateSource(@PathParam("source") TestDayRates.Source source) {
        TestDayRates.source = source;
        return source.name();
    }

    @POST
    @Path("expire/{quote}")
    @Produces(MediaType.TEXT_PLAIN)
    public String expire(@PathParam("quote") String quoteId) {
        return Integer.toString(em.createNativeQuery("UPDATE fx_quote SET expires_at = ? WHERE public_id = ?")
                .setParameter(1, Instant.now().minusSeconds(1)).setParameter(2, quoteId).executeUpdate());
    }

    /** The public id of the user's newest quote: the convert page does not show it. */
    @GET
    @Path("latest-quote")
    @Produces(MediaType.TEXT_PLAIN)
    public String latestQuote(@QueryParam("user") String userId) {
        return em.createQuery("SELECT q.publicId FROM FxQuote q WHERE q.userId = :user ORDER BY q.id DESC", String.class)
                .setParameter("user", userId).setMaxResults(1).getResultStream().findFirst().orElse("");
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
