package io.okpay.admin.rest;

import io.okpay.admin.boundary.AuditTrail;
import io.okpay.audit.boundary.AuditLog;
import io.okpay.shared.BusinessException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The audit log for COMPLIANCE and ADMIN: filtered records, newest first, with the chain's verification. */
@Stateless
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"COMPLIANCE", "ADMIN"})
public class AuditAdminResource {

    @EJB
    AuditTrail trail;

    public record RecordDto(long id, String at, String actor, String event, String ip, String detail) {
    }

    public record ChainDto(long records, boolean intact, Long first_broken_id) {
    }

    public record AuditPage(List<RecordDto> records, ChainDto chain) {
    }

    @GET
    public AuditPage search(@QueryParam("actor") String actor, @QueryParam("event") String event,
                            @QueryParam("q") String text, @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("50") int limit) {
        List<RecordDto> records = trail.search(new AuditLog.Filter(actor, event, text, instant(from, "from"),
                        instant(to, "to"), before), limit).stream()
                .map(e -> new RecordDto(e.id(), e.createdAt().toString(), e.actor(), e.event(), e.ip(), e.detail())).toList();
        AuditLog.Verification v = trail.verify();
        return new AuditPage(records, new ChainDto(v.records(), v.intact(), v.firstBrokenId()));
    }

    static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError(field, "date_invalid")));
        }
    }
}
