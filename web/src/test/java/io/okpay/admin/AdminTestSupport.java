package io.okpay.admin;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only, in the test server: lets a proposal lapse now (its deadline moved into the past), instead of waiting
 * {@code okpay.admin.adjustment-ttl}.
 */
@Stateless
@Path("test-admin")
@Produces(MediaType.TEXT_PLAIN)
public class AdminTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @POST
    @Path("lapse/{id}")
    public String lapse(@PathParam("id") String id) {
        return Integer.toString(em.createNativeQuery("UPDATE admin_adjustment SET expires_at = created_at WHERE public_id = ?1")
                .setParameter(1, id).executeUpdate());
    }
}
