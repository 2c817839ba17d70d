package io.okpay.support;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only, in the test server (for SupportIT): moves a ticket's first-reply due time into the past, as if the
 * promised hours had gone by, so that it is overdue now; (for ChatIT) makes a person's chat idle since yesterday, so
 * that the next housekeeping pass ends it.
 */
@Stateless
@Path("test-support-desk")
@Produces(MediaType.TEXT_PLAIN)
public class SupportTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @POST
    @Path("overdue/{ticket}")
    public String overdue(@PathParam("ticket") String ticketId) {
        return Integer.toString(em.createNativeQuery("UPDATE support_ticket SET first_reply_due_at = "
                        + "UTC_TIMESTAMP(6) - INTERVAL 1 HOUR WHERE public_id = ?1")
                .setParameter(1, ticketId).executeUpdate());
    }

    @POST
    @Path("chat-idle/{user}")
    public String chatIdle(@PathParam("user") String userId) {
        return Integer.toString(em.createNativeQuery("UPDATE support_chat SET last_line_at = "
                        + "UTC_TIMESTAMP(6) - INTERVAL 1 DAY WHERE user_id = ?1 AND status <> 'ENDED'")
                .setParameter(1, userId).executeUpdate());
    }
}
