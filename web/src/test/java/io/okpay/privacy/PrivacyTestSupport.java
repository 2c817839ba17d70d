package io.okpay.privacy;

import io.okpay.identity.boundary.AccountClosure;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Test-only, in the test server (for PrivacyIT): runs the retention job as if it were another moment (the clock
 * argument), says how long the retention period is, and shows what the account row and the audit log hold now.
 */
@Stateless
@Path("test-privacy")
@Produces(MediaType.TEXT_PLAIN)
public class PrivacyTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    AccountClosure closure;

    @Inject
    @ConfigProperty(name = "okpay.closure.retention-days", defaultValue = "1825")
    int retentionDays;

    @GET
    @Path("retention-days")
    public String retentionDays() {
        return String.valueOf(retentionDays);
    }

    /** The retention job, run now as if the clock said {@code at}; how many accounts it anonymised. */
    @POST
    @Path("retention")
    public String runRetention(@QueryParam("at") String at) {
        return String.valueOf(closure.eraseDue(Instant.parse(at)));
    }

    /** "email|username|closed|anonymised" of the account. */
    @GET
    @Path("user/{id}")
    public String user(@PathParam("id") String id) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT email, username, closed_at IS NOT NULL, anonymised_at IS NOT NULL "
                + "FROM app_user WHERE public_id = ?").setParameter(1, id).getSingleResult();
        return row[0] + "|" + row[1] + "|" + truth(row[2]) + "|" + truth(row[3]);
    }

    /** How many audit records of this event the account has. */
    @GET
    @Path("audit/{id}/{event}")
    public String audit(@PathParam("id") String id, @PathParam("event") String event) {
        return String.valueOf(em.createNativeQuery("SELECT COUNT(*) FROM audit_record WHERE actor = ? AND event = ?")
                .setParameter(1, id).setParameter(2, event).getSingleResult());
    }

    /** The statuses of the person's wallets in the ledger, "USD:CLOSED,EUR:CLOSED", by currency. */
    @GET
    @Path("wallets/{id}")
    public String wallets(@PathParam("id") String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT currency, status FROM ledger_account WHERE owner_type = 'USER' "
                + "AND owner_id = ? AND purpose = 'WALLET' ORDER BY currency").setParameter(1, id).getResultList();
        return String.join(",", rows.stream().map(r -> r[0] + ":" + r[1]).toList());
    }

    private static boolean truth(Object value) {
        return value instanceof Number n ? n.intValue() != 0 : Boolean.TRUE.equals(value);
    }
}
