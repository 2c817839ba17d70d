package io.okpay.audit.rest;

import io.okpay.audit.boundary.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** For compliance and administrators: is the audit log's hash chain intact? */
@Path("audit/verification")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"COMPLIANCE", "ADMIN"})
public class AuditResource {

    @EJB
    AuditLog auditLog;

    public record Verification(long records, boolean intact, Long first_broken_id) {
    }

    @GET
    public Verification verify() {
        AuditLog.Verification result = auditLog.verify();
        return new Verification(result.records(), result.intact(), result.firstBrokenId());
    }
}
