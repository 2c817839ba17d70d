package io.okpay.admin.rest;

import io.okpay.admin.boundary.OperatorAdmin;
import io.okpay.identity.boundary.Operators;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Operators and their roles, for ADMIN: the list, granting a role and taking one away, each with a reason. */
@Stateless
@Path("admin/operators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class OperatorsResource {

    @EJB
    OperatorAdmin operators;

    public record OperatorDto(String id, String email, String username, List<String> roles) {

        static OperatorDto of(Operators.OperatorView o) {
            return new OperatorDto(o.id(), o.email(), o.displayName(), o.roles());
        }
    }

    public record Grant(String role, String reason) {
    }

    public record Reason(String reason) {
    }

    public record ChangeDto(OperatorDto operator, String before, String after, boolean changed) {

        static ChangeDto of(Operators.RoleChange c) {
            return new ChangeDto(OperatorDto.of(c.operator()), c.before(), c.after(), c.changed());
        }
    }

    @GET
    public List<OperatorDto> list() {
        return operators.list().stream().map(OperatorDto::of).toList();
    }

    @POST
    @Path("{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChangeDto grant(@PathParam("id") String id, Grant grant) {
        Grant g = grant == null ? new Grant(null, null) : grant;
        return ChangeDto.of(operators.grant(id, g.role(), g.reason()));
    }

    @POST
    @Path("{id}/roles/{role}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChangeDto revoke(@PathParam("id") String id, @PathParam("role") String role, Reason reason) {
        return ChangeDto.of(operators.revoke(id, role, reason == null ? null : reason.reason()));
    }
}
