package io.okpay.kyc;

import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Base64;
import java.util.List;

/**
 * Test-only, in the test server: a verification's rows as the database holds them (no product API shows them), so
 * that tests see the sealed personal details and document bytes that are at rest. {"key_id", "sealed_details",
 * "documents": [{"id", "key_id", "content", "thumbnail"}]} with the bytes in base64.
 */
@Stateless
@Path("test-kyc")
@Produces(MediaType.APPLICATION_JSON)
public class KycTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @GET
    @Path("raw/{verification}")
    public String raw(@PathParam("verification") String verificationId) {
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT id, key_id, sealed_details FROM kyc_verification WHERE public_id = ?1")
                .setParameter(1, verificationId).getSingleResult();
        List<?> documents = em.createNativeQuery("SELECT public_id, key_id, content, thumbnail FROM kyc_document "
                + "WHERE verification_id = ?1 ORDER BY id").setParameter(1, ((Number) row[0]).longValue()).getResultList();
        JsonArrayBuilder files = Json.createArrayBuilder();
        for (Object document : documents) {
            Object[] d = (Object[]) document;
            files.add(Json.createObjectBuilder().add("id", (String) d[0]).add("key_id", (String) d[1])
                    .add("content", base64(d[2])).add("thumbnail", d[3] == null ? "" : base64(d[3])));
        }
        return Json.createObjectBuilder().add("key_id", (String) row[1]).add("sealed_details", (String) row[2])
                .add("documents", files).build().toString();
    }

    private static String base64(Object bytes) {
        try {
            byte[] value = bytes instanceof java.sql.Blob blob ? blob.getBytes(1, (int) blob.length()) : (byte[]) bytes;
            return Base64.getEncoder().encodeToString(value);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
