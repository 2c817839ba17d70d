package io.okpay.funding;

import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only resource, in the test server for TopUpIT: names a person's newest top-up, and reads ledger balances,
 * which the product's API leaves to the balances feature.
 */
@Stateless
@Path("test-topup")
@Produces(MediaType.TEXT_PLAIN)
public class TopUpTestSupport {

    @EJB
    LedgerAccounts accounts;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** The id and status of the user's newest top-up: a 503 answer names none, the test needs it to ask the sandbox. */
    @GET
    @Path("latest")
    public String latest(@QueryParam("user") String userId) {
        return em.createQuery("SELECT t.publicId, t.status FROM TopUp t WHERE t.userId = :user ORDER BY t.createdAt DESC",
                        Object[].class).setParameter("user", userId).setMaxResults(1).getResultStream()
                .map(row -> row[0] + " " + row[1]).findFirst().orElse("");
    }

    /** Balance in minor units of a user's wallet ({@code owner=usr_...}) or of a house account ({@code owner=HOUSE}). */
    @GET
    @Path("balance")
    public String balance(@QueryParam("owner") String owner, @QueryParam("purpose") Purpose purpose,
                          @QueryParam("currency") String currency) {
        OwnerType type = OwnerType.HOUSE_ID.equals(owner) ? OwnerType.HOUSE : OwnerType.USER;
        return Long.toString(accounts.account(type, owner, purpose, currency).balance());
    }
}
