package io.okpay.identity.rest;

import io.okpay.identity.boundary.AccountSecurity;
import io.okpay.identity.boundary.StepUp;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.BusinessException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;
import java.util.Set;

/**
 * The caller's own account (bearer token): who they are, their time zone, and the security settings of the security
 * page. Security changes take a step-up code: first {@code POST /me/step-up} with the action, then the change with {@code challenge_id} and
 * {@code code}.
 */
@Path("me")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class MeResource {

    private static final Set<String> STEP_UP_ACTIONS = Set.of(AccountSecurity.CHANGE_PASSWORD,
            AccountSecurity.CHANGE_SECOND_FACTOR, AccountSecurity.CHANGE_EMAIL);

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

    public record TimeZoneChange(String time_zone) {
    }

    @GET
    public UserResource.Account me() {
        return UserResource.Account.of(users.require(userId()));
    }

    @PUT
    @Path("time-zone")
    public UserResource.Account timeZone(TimeZoneChange request) {
        return UserResource.Account.of(users.changeTimeZone(userId(), request == null ? null : request.time_zone()));
    }

    @POST
    @Path("step-up")
    public Response stepUp(StepUpRequest request) {
        String action = request == null ? null : request.action();
        if (action == null || !STEP_UP_ACTIONS.contains(action)) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("action", "invalid_value")));
        }
        return Response.status(201).entity(new Challenge(stepUp.begin(userId(), action))).build();
    }

    @POST
    @Path("step-up/{challenge_id}/resend")
    public Response resend(@PathParam("challenge_id") String challengeId) {
        stepUp.resend(userId(), challengeId);
        return Response.noContent().build();
    }

    @PUT
    @Path("email-codes")
    public UserResource.Account emailCodes(EmailCodes request) {
        EmailCodes body = request == null ? new EmailCodes(false, null, null) : request;
        return UserResource.Account.of(accountSecurity.useEmailCodes(userId(), body.enabled(), body.challenge_id(), body.code()));
    }

    /** {@code ask}: "every_sign_in" or "new_device". */
    public record SignInCodes(String ask, String challenge_id, String code) {
    }

    @PUT
    @Path("sign-in-codes")
    public UserResource.Account signInCodes(SignInCodes request) {
        SignInCodes body = request == null ? new SignInCodes(null, null, null) : request;
        String ask = body.ask() == null ? "" : body.ask();
        if (!ask.equals("every_sign_in") && !ask.equals("new_device")) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("ask", "sign_in_codes_invalid")));
        }
        return UserResource.Account.of(accountSecurity.askCodes(userId(), ask.equals("new_device"), body.challenge_id(),
                body.code()));
    }

    public record Forgotten(int forgotten) {
    }

    @DELETE
    @Path("remembered-devices")
    public Forgotten forgetDevices() {
        return new Forgotten(accountSecurity.forgetDevices(userId()));
    }

    @PUT
    @Path("password")
    public Response password(PasswordChange request) {
        PasswordChange body = request == null ? new PasswordChange(null, null, null, null) : request;
        accountSecurity.changePassword(userId(), null, body.current_password(), body.new_password(), body.challenge_id(), body.code());
        return Response.noContent().build();
    }

    public record Approval(String challenge_id, String code) {
    }

    public record EmailChange(String email, String challenge_id, String code) {
    }

    @PUT
    @Path("email")
    public UserResource.Account email(EmailChange request) {
        EmailChange body = request == null ? new EmailChange(null, null, null) : request;
        return UserResource.Account.of(accountSecurity.changeEmail(userId(), body.email(), body.challenge_id(), body.code()));
    }

    public record Code(String code) {
    }

    public record PhoneChange(String phone, String challenge_id, String code) {
    }

    public record TotpEnrollment(String secret, String otpauth_uri) {
    }

    public record RecoveryCodes(List<String> recovery_codes) {
    }

    @POST
    @Path("totp")
    public Response startTotp(Approval request) {
        Approval body = request == null ? new Approval(null, null) : request;
        AccountSecurity.TotpEnrollment enrollment = accountSecurity.startTotp(userId(), body.challenge_id(), body.code());
        return Response.status(201).entity(new TotpEnrollment(enrollment.secret(), enrollment.uri()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("totp/confirmation")
    public Response confirmTotp(Code request) {
        List<String> codes = accountSecurity.confirmTotp(userId(), request == null ? null : request.code());
        return Response.ok(new RecoveryCodes(codes)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("totp/removal")
    public Response removeTotp(Approval request) {
        Approval body = request == null ? new Approval(null, null) : request;
        accountSecurity.disableTotp(userId(), body.challenge_id(), body.code());
        return Response.noContent().build();
    }

    @POST
    @Path("recovery-codes")
    public Response recoveryCodes(Approval request) {
        Approval body = request == null ? new Approval(null, null) : request;
        return Response.ok(new RecoveryCodes(accountSecurity.newRecoveryCodes(userId(), body.challenge_id(), body.code())))
                .header("Cache-Control", "no-store").build();
    }

    @PUT
    @Path("phone")
    public Response phone(PhoneChange request) {
        PhoneChange body = request == null ? new PhoneChange(null, null, null) : request;
        return Response.accepted(new Challenge(accountSecurity.startPhone(userId(), body.phone(), body.challenge_id(), body.code())))
                .build();
    }

    /** The second factor now in use, and the ten recovery codes made when SMS codes were turned on (shown once). */
    public record PhoneConfirmation(String second_factor, List<String> recovery_codes) {
    }

    @POST
    @Path("phone/confirmation")
    public Response confirmPhone(Approval request) {
        Approval body = request == null ? new Approval(null, null) : request;
        List<String> codes = accountSecurity.confirmPhone(userId(), body.challenge_id(), body.code());
        String factor = UserResource.Account.of(users.require(userId())).second_factor();
        return Response.ok(new PhoneConfirmation(factor, codes)).header("Cache-Control", "no-store").build();
    }

    private String userId() {
        return security.getUserPrincipal().getName();
    }
}
