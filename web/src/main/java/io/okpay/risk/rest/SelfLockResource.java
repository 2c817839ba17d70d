package io.okpay.risk.rest;

import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.risk.boundary.AccountLocks;
import io.okpay.risk.boundary.LockState;
import io.okpay.shared.JsonBuilders;
import io.okpay.shared.Messages;
import io.okpay.shared.rest.Problems;
import io.okpay.shared.web.ClientAddress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.time.Instant;

/**
 * The person's own lock: {@code POST /me/lock} stops all money leaving the account at once; {@code POST
 * /me/lock/unlock} first answers 403 step_up_required with a challenge_id (a code is sent), then, with challenge_id and
 * code, sets the lock to end 24 hours later.
 */
@Path("me/lock")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class SelfLockResource {

    @EJB
    AccountLocks locks;

    @Inject
    ClientAddress clientAddress;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    /** The account's state: frozen by compliance, locked by the person, and when a requested unlock takes effect. */
    public record LockDto(boolean frozen, boolean locked, String locked_at, String unlocks_at) {

        static LockDto of(LockState state) {
            Instant now = Instant.now();
            boolean locked = state.selfLocked(now);
            return new LockDto(state.frozen(), locked, locked ? state.selfLockedAt().toString() : null,
                    state.unlocking(now) ? state.unlockAt().toString() : null);
        }
    }

    public record Unlock(String challenge_id, String code) {
    }

    @GET
    public LockDto state() {
        return LockDto.of(locks.of(userId()));
    }

    @POST
    public LockDto lock() {
        return LockDto.of(locks.lock(userId(), clientAddress.of(http)));
    }

    @POST
    @Path("unlock")
    public Response unlock(Unlock request) {
        Unlock body = request == null ? new Unlock(null, null) : request;
        try {
            return Response.ok(LockDto.of(locks.unlock(userId(), body.challenge_id(), body.code(), clientAddress.of(http))))
                    .build();
        } catch (StepUpRequired e) {
            return Problems.of(e, Messages.supported(http.getLocale()),
                    JsonBuilders.JSON.createObjectBuilder().add("challenge_id", e.challengeId()).build());
        }
    }

    private String userId() {
        return security.getUserPrincipal().getName();
    }
}
