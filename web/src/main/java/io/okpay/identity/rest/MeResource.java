package io.okpay.identity.rest;

import io.okpay.identity.boundary.AccountSecurity;
import io.okpay.identity.boundary.StepUp;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.BusinessException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/**
 * The caller's own account (bearer token): who they are, and the security settings of the security page. Changes take
 * a step-up code: first {@code POST /me/step-up} with the action, then the change with {@code challenge_id} and
 * {@code code}.
 */
@Path("me")
@Tag(name = "Identity")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class MeResource {

    private static final Set<String> STEP_UP_ACTIONS = Set.of(AccountSecurity.CHANGE_PASSWORD, AccountSecurity.CHANGE_SECOND_FACTOR);

    @EJB
    Users users;

    @EJB
    StepUp stepUp;

    @EJB
    AccountSecurity accountSecurity;

    @Context
    SecurityContext security;

    public record StepUpRequest(String action) {
    }

    public record Challenge(String challenge_id) {
    }

    public record EmailCodes(boolean enabled, String challenge_id, String code) {
    }

    public record PasswordChange(String current_password, String new_password, String challenge_id, String code) {
    }

    @GET
    @Operation(summary = "The signed-in account")
    public UserResource.Account me() {
        return UserResource.Account.of(users.require(userId()));
    }

    @POST
    @Path("step-up")
    @Operation(summary = "E-mail a one-time code that approves one action: change-password or change-second-factor")
    public Response stepUp(StepUpRequest request) {
        String action = request == null ? null : request.action();
        if (action == null || !STEP_UP_ACTIONS.contains(action)) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("action", "invalid_value")));
        }
        return Response.status(201).entity(new Challenge(stepUp.begin(userId(), action))).build();
    }

    @PUT
    @Path("email-codes")
    @Operation(summary = "Turn one-time codes by e-mail on or off (needs a change-second-factor code)")
    public UserResource.Account emailCodes(EmailCodes request) {
        EmailCodes body = request == null ? new EmailCodes(false, null, null) : request;
        return UserResource.Account.of(accountSecurity.useEmailCodes(userId(), body.enabled(), body.challenge_id(), body.code()));
    }

    @PUT
    @Path("password")
    @Operation(summary = "Change the password (needs a change-password code); ends every session and refresh token")
    public Response password(PasswordChange request) {
        PasswordChange body = request == null ? new PasswordChange(null, null, null, null) : request;
        accountSecurity.changePassword(userId(), null, body.current_password(), body.new_password(), body.challenge_id(), body.code());
        return Response.noContent().build();
    }

    private String userId() {
        return security.getUserPrincipal().getName();
    }
}
