package io.okpay.risk.rest;

import io.okpay.risk.boundary.AccountLocks;
import io.okpay.shared.web.ClientAddress;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * Compliance (COMPLIANCE) freezes and unfreezes a person's account, with a reason: a frozen account receives money but
 * sends, pays, converts and withdraws nothing. Audited; the person is told by e-mail. An EJB so that the container
 * itself enforces the role.
 */
@Stateless
// The action is part of the class's path: a root of "admin/users/{id}" would take every /admin/users/{id}/… request
// away from the back office's resource of a person (JAX-RS picks one root class per request, the most literal).
@Path("admin/users/{id}/{action: lock|freeze|unfreeze}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("COMPLIANCE")
public class FreezeResource {

    @EJB
    AccountLocks locks;

    @Inject
    ClientAddress clientAddress;

    @Resource
    SessionContext context;

    public record Reason(String reason) {
    }

    @GET
    public SelfLockResource.LockDto state(@PathParam("id") String userId, @PathParam("action") String action) {
        if (!action.equals("lock")) {
            throw new NotFoundException();
        }
        return SelfLockResource.LockDto.of(locks.of(userId));
    }

    @POST
    public SelfLockResource.LockDto change(@PathParam("id") String userId, @PathParam("action") String action,
                                           Reason request, @Context HttpServletRequest http) {
        String reason = request == null ? null : request.reason();
        return switch (action) {
            case "freeze" -> SelfLockResource.LockDto.of(locks.freeze(actor(), userId, reason, clientAddress.of(http)));
            case "unfreeze" -> SelfLockResource.LockDto.of(locks.unfreeze(actor(), userId, reason, clientAddress.of(http)));
            default -> throw new NotFoundException();
        };
    }

    private String actor() {
        return context.getCallerPrincipal().getName();
    }
}
