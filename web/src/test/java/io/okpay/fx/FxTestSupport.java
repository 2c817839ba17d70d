package io.okpay.fx;

import io.okpay.ledger.boundary.Reconciliation;
import io.okpay.ledger.boundary.ReconciliationReport;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/**
 * Deployed by ConversionIT only: ends a quote's validity early, runs a reconciliation.
 */
@Stateless
@Path("test-fx")
public class FxTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    Reconciliation reconciliation;

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
