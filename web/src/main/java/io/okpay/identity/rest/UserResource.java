package io.okpay.identity.rest;

import io.okpay.identity.boundary.PasswordCheck;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.web.ClientAddress;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.util.List;
import java.util.Locale;

/** Sign-up and e-mail verification for apps. */
@Path("users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @EJB
    Users users;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest http;

    @Inject
    ClientAddress clientAddress;

    /** {@code time_zone}: an IANA id such as Asia/Shanghai; missing or unknown, the usual zone of the language. */
    public record SignUp(String email, String username, String password, String locale, String time_zone) {
    }

    public record Verification(String token) {
    }

    /** The public view of an account; never the entity. */
    public record Account(String id, String email, String username, String locale, String time_zone,
                          boolean email_verified, String second_factor, String sign_in_codes) {
        static Account of(UserView user) {
            return new Account(user.id(), user.email(), user.displayName(), user.locale().toLanguageTag(),
                    user.timeZone().getId(), user.emailVerified(), user.secondFactor().toLowerCase(Locale.ROOT),
                    user.codesOnlyOnNewDevice() ? "new_device" : "every_sign_in");
        }
    }

    @POST
    public Response signUp(SignUp request) {
        SignUp body = request == null ? new SignUp(null, null, null, null, null) : request;
        UserView user = users.signUp(body.email(), body.username(), body.password(),
                body.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(body.locale().replace('_', '-')),
                body.time_zone(), clientAddress.of(http));
        return Response.created(uriInfo.getBaseUriBuilder().path("me").build()).entity(Account.of(user)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"SUPPORT", "ADMIN"})
    public Account find(@PathParam("id") String id) {
        return Account.of(users.require(id));
    }

    public record StrengthRequest(String password, String username, String email) {
    }

    public record Strength(int score, boolean acceptable, List<String> problems) {
    }

    @POST
    @Path("password-strength")
    public Response strength(StrengthRequest request) {
        StrengthRequest body = request == null ? new StrengthRequest(null, null, null) : request;
        PasswordCheck check = PasswordCheck.of(body.password(), body.username(), body.email());
        return Response.ok(new Strength(check.score(), check.acceptable(), check.problems()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("verification")
    public Response verify(Verification request) {
        users.verifyEmail(request == null ? null : request.token());
        return Response.noContent().build();
    }
}
