package io.okpay.checkout;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/** Test-only, in the test server (for PaymentLinkIT): a payment link's expiry passed a moment ago. */
@Stateless
@Path("test-paylink")
@Produces(MediaType.TEXT_PLAIN)
public class PaymentLinkTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** The link expired a second ago; answers the number of rows changed (1, or 0 for an unknown link). */
    @POST
    @Path("expired/{link}")
    public String expired(@PathParam("link") String linkId) {
        return Integer.toString(em.createNativeQuery("UPDATE payment_link SET expires_at = ? WHERE public_id = ?")
                .setParameter(1, Instant.now().minusSeconds(1)).setParameter(2, linkId).executeUpdate());
    }
}
