package io.okpay.shared;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Test-only, in the test server: what the audit log holds for one actor, which no product API lists. One line per
 * record, oldest first: "EVENT detail".
 */
@Stateless
@Path("test-audit")
@Produces(MediaType.TEXT_PLAIN)
public class AuditTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @GET
    public String of(@QueryParam("actor") String actor) {
        List<?> rows = em.createNativeQuery("SELECT CONCAT(event, ' ', detail) FROM audit_record WHERE actor = ?1 ORDER BY id")
                .setParameter(1, actor).getResultList();
        return rows.stream().map(Object::toString).collect(Collectors.joining("\n"));
    }
}
