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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Compliance (COMPLIANCE) freezes and unfreezes a person's account, with a reason: a frozen account receives money but
 * sends, pays, converts and withdraws nothing. Audited; the person is told by e-mail. An EJB so that the container
 * itself enforces the role.
 */
@Stateless
@Path("admin/users/{id}")
@Tag(name = "Limits")
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
    @Path("lock")
    @Operation(summary = "Whether the person's account is frozen or self-locked")
    public SelfLockResource.LockDto state(@PathParam("id") String userId) {
        return SelfLockResource.LockDto.of(locks.of(userId));
    }

    @POST
    @Path("freeze")
    @Operation(summary = "Freeze the account (reason required): no money leaves it until unfrozen; money still comes in")
    public SelfLockResource.LockDto freeze(@PathParam("id") String userId, Reason request,
                                          @Context HttpServletRequest http) {
        return SelfLockResource.LockDto.of(locks.freeze(actor(), userId, request == null ? null : request.reason(),
                clientAddress.of(http)));
    }

    @POST
    @Path("unfreeze")
    @Operation(summary = "Unfreeze the account (reason required)")
    public SelfLockResource.LockDto unfreeze(@PathParam("id") String userId, Reason request,
                                          @Context HttpServletRequest http) {
        return SelfLockResource.LockDto.of(locks.unfreeze(actor(), userId, request == null ? null : request.reason(),
                clientAddress.of(http)));
    }

    private String actor() {
        return context.getCallerPrincipal().getName();
    }
}
