package io.okpay.identity.rest;

import io.okpay.shared.web.ClientAddress;
import jakarta.inject.Inject;
import io.okpay.identity.boundary.PasswordReset;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** "Forgot password?" for apps. The request answers 202 whether or not the address has an account. */
@Path("auth/password-reset")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

    @EJB
    PasswordReset passwordReset;

    @Context
    HttpServletRequest http;

    @Inject
    ClientAddress clientAddress;

    public record ResetRequest(String email) {
    }

    public record ResetConfirmation(String token, String password) {
    }

    @POST
    public Response request(ResetRequest request) {
        passwordReset.request(request == null ? null : request.email(), clientAddress.of(http));
        return Response.accepted().build();
    }

    @POST
    @Path("confirm")
    public Response confirm(ResetConfirmation request) {
        passwordReset.confirm(request == null ? null : request.token(), request == null ? null : request.password());
        return Response.noContent().build();
    }
}
