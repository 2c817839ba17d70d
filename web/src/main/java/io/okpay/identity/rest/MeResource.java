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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/**
 * The caller's own account (bearer token): who they are, their time zone, and the security settings of the security
 * page. Security changes take a step-up code: first {@code POST /me/step-up} with the action, then the change with {@code challenge_id} and
 * {@code code}.
 */
@Path("me")
@Tag(name = "Identity")
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
    @Operation(summary = "The signed-in account")
    public UserResource.Account me() {
        return UserResource.Account.of(users.require(userId()));
    }

    @PUT
    @Path("time-zone")
    @Operation(summary = "Change the time zone (an IANA id such as Asia/Shanghai) of dates, days and statement months; "
            + "no code needed")
    public UserResource.Account timeZone(TimeZoneChange request) {
        return UserResource.Account.of(users.changeTimeZone(userId(), request == null ? null : request.time_zone()));
    }

    @POST
    @Path("step-up")
    @Operation(summary = "Send a one-time code that approves one action: change-password, change-email or change-second-factor")
    public Response stepUp(StepUpRequest request) {
        String action = request == null ? null : request.action();
        if (action == null || !STEP_UP_ACTIONS.contains(action)) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("action", "invalid_value")));
        }
        return Response.status(201).entity(new Challenge(stepUp.begin(userId(), action))).build();
    }

    @POST
    @Path("step-up/{challenge_id}/resend")
    @Operation(summary = "Send the code of an open challenge again (a step-up, a payment's, a new phone number's): "
            + "only the new code works then; at most every 30 seconds (429 resend_too_soon with Retry-After), five codes in all")
    public Response resend(@PathParam("challenge_id") String challengeId) {
        stepUp.resend(userId(), challengeId);
        return Response.noContent().build();
    }

    @PUT
    @Path("email-codes")
    @Operation(summary = "Turn one-time codes by e-mail on or off (needs a change-second-factor code)")
    public UserResource.Account emailCodes(EmailCodes request) {
        EmailCodes body = request == null ? new EmailCodes(false, null, null) : request;
        return UserResource.Account.of(accountSecurity.useEmailCodes(userId(), body.enabled(), body.challenge_id(), body.code()));
    }

    /** {@code ask}: "every_sign_in" or "new_device". */
    public record SignInCodes(String ask, String challenge_id, String code) {
    }

    @PUT
    @Path("sign-in-codes")
    @Operation(summary = "Ask for a sign-in code at every sign-in or only on a new device (needs a change-second-factor "
            + "code); every_sign_in also forgets the remembered devices")
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
    @Operation(summary = "Forget every remembered device: each answers a code at its next sign-in")
    public Forgotten forgetDevices() {
        return new Forgotten(accountSecurity.forgetDevices(userId()));
    }

    @PUT
    @Path("password")
    @Operation(summary = "Change the password (needs a change-password code); ends every session and refresh token")
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
    @Operation(summary = "Move the account to a new e-mail address (needs a change-email code); the new one is verified by link")
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
    @Operation(summary = "Start setting up an authenticator app (needs a change-second-factor code); answers its secret")
    public Response startTotp(Approval request) {
        Approval body = request == null ? new Approval(null, null) : request;
        AccountSecurity.TotpEnrollment enrollment = accountSecurity.startTotp(userId(), body.challenge_id(), body.code());
        return Response.status(201).entity(new TotpEnrollment(enrollment.secret(), enrollment.uri()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("totp/confirmation")
    @Operation(summary = "Turn the authenticator app on with its first code; answers ten recovery codes, shown once")
    public Response confirmTotp(Code request) {
        List<String> codes = accountSecurity.confirmTotp(userId(), request == null ? null : request.code());
        return Response.ok(new RecoveryCodes(codes)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("totp/removal")
    @Operation(summary = "Turn the authenticator app off (needs a change-second-factor code)")
    public Response removeTotp(Approval request) {
        Approval body = request == null ? new Approval(null, null) : request;
        accountSecurity.disableTotp(userId(), body.challenge_id(), body.code());
        return Response.noContent().build();
    }

    @POST
    @Path("recovery-codes")
    @Operation(summary = "Replace the recovery codes (needs a change-second-factor code)")
    public Response recoveryCodes(Approval request) {
        Approval body = request == null ? new Approval(null, null) : request;
        return Response.ok(new RecoveryCodes(accountSecurity.newRecoveryCodes(userId(), body.challenge_id(), body.code())))
                .header("Cache-Control", "no-store").build();
    }

    @PUT
    @Path("phone")
    @Operation(summary = "Set the phone number for SMS codes (needs a change-second-factor code); a code is sent to it")
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
    @Operation(summary = "Confirm the phone number with the SMS code; codes then come by SMS. Answers ten new recovery codes, shown once")
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
