package io.okpay.admin.rest;

import io.okpay.admin.boundary.OutboxAdmin;
import io.okpay.notification.boundary.OutboxDesk;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The outbox for ADMIN: messages by status (failed by default, dead, pending, delivered) and a retry now. */
@Stateless
@Path("admin/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class OutboxAdminResource {

    @EJB
    OutboxAdmin outbox;

    public record MessageDto(long id, String type, String status, int attempts, String created_at,
                             String next_attempt_at, String last_error) {

        static MessageDto of(OutboxDesk.Message m) {
            return new MessageDto(m.id(), m.type(), m.status(), m.attempts(), m.createdAt().toString(),
                    m.nextAttemptAt() == null ? null : m.nextAttemptAt().toString(), m.lastError());
        }
    }

    public record Reason(String reason) {
    }

    @GET
    public List<MessageDto> list(@QueryParam("status") @DefaultValue("failed") String status,
                                 @QueryParam("limit") @DefaultValue("50") int limit) {
        return outbox.list(status, limit).stream().map(MessageDto::of).toList();
    }

    @POST
    @Path("{id}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    public MessageDto retry(@PathParam("id") long id, Reason reason) {
        return MessageDto.of(outbox.retry(id, reason == null ? null : reason.reason()));
    }
}
