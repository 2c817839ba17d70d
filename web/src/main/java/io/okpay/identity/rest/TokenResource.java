package io.okpay.identity.rest;

import io.okpay.shared.web.ClientAddress;
import jakarta.inject.Inject;
import io.okpay.identity.boundary.ApiTokens;
import io.okpay.identity.boundary.SignIns;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.rest.Problems;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Access tokens for people. {@code grant_type} "password" (email, password); when the account uses a second factor
 * the answer is a 401 {@code code_required} naming {@code sign_in_id} and {@code challenge_id}, and a code is e-mailed;
 * then {@code grant_type} "one_time_code" (sign_in_id, challenge_id, code). A code is asked at every sign-in unless the
 * person chose "only on a new device": then the answer to a code carries a {@code device_token} (30 days), and a
 * password grant that sends it back gets the tokens at once. {@code grant_type} "refresh_token" (refresh_token)
 * exchanges a refresh token, once.
 */
@Path("auth/token")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @EJB
    ApiTokens apiTokens;

    @EJB
    SignIns signIns;

    @Context
    HttpServletRequest http;

    @Inject
    ClientAddress clientAddress;

    public record TokenRequest(String grant_type, String email, String password, String sign_in_id, String challenge_id,
                               String code, String refresh_token, String device_token) {
    }

    /** {@code device_token} only when this sign-in's code made the device a remembered one (null is left out). */
    public record Tokens(String access_token, String token_type, long expires_in, String refresh_token,
                         String device_token) {
    }

    @POST
    public Response token(TokenRequest request) {
        TokenRequest body = request == null ? new TokenRequest(null, null, null, null, null, null, null, null) : request;
        return answering(() -> {
            ApiTokens.Grant grant = switch (body.grant_type() == null ? "" : body.grant_type()) {
                case "password" -> apiTokens.withPassword(body.email(), body.password(), clientAddress.of(http), device(),
                        body.device_token());
                case "one_time_code" -> apiTokens.withCode(body.sign_in_id(), body.challenge_id(), body.code());
                case "refresh_token" -> apiTokens.refresh(body.refresh_token());
                default -> throw BusinessException.invalid(List.of(new BusinessException.FieldError("grant_type", "grant_type_invalid")));
            };
            if (grant.codeRequired()) {
                return problem(new BusinessException("code_required"), Json.createObjectBuilder()
                        .add("sign_in_id", grant.signInId()).add("challenge_id", grant.challengeId()));
            }
            return Response.ok(new Tokens(grant.accessToken(), "Bearer", grant.expiresIn(), grant.refreshToken(),
                    grant.deviceToken()))
                    .header("Cache-Control", "no-store").build();
        });
    }

    public record ResendRequest(String sign_in_id, String challenge_id) {
    }

    @POST
    @Path("resend")
    public Response resend(ResendRequest request) {
        ResendRequest body = request == null ? new ResendRequest(null, null) : request;
        return answering(() -> {
            signIns.resendCode(body.sign_in_id(), body.challenge_id());
            return Response.noContent().build();
        });
    }

    /** Runs a call to a boundary; its business refusal, thrown or wrapped by the EJB container, becomes the answer. */
    private Response answering(Supplier<Response> call) {
        try {
            return call.get();
        } catch (EJBException e) {
            if (e.getCause() instanceof BusinessException business) {
                return refused(business);
            }
            throw e;
        } catch (BusinessException e) {
            return refused(e);
        }
    }

    private Response refused(BusinessException e) {
        // Wrong codes are 401 here (elsewhere 422): the caller is not signed in.
        if (e.code().startsWith("code_")) {
            return problem(e, Json.createObjectBuilder());
        }
        return Problems.of(e, locale());
    }

    /**
     * The caller must answer a challenge (or answered it wrong): say which one; never cache. Always a 401, whatever the
     * code's status elsewhere: the token endpoint refuses by OAuth's rules, and the caller has no token yet.
     */
    private Response problem(BusinessException e, JsonObjectBuilder extensions) {
        return Response.fromResponse(Problems.of(401, e, locale(), extensions.build())).header("Cache-Control", "no-store")
                .build();
    }

    private Locale locale() {
        return Messages.supported(http.getLocale());
    }

    private String device() {
        return io.okpay.shared.RequestOrigins.device(http.getHeader("User-Agent"));
    }
}
