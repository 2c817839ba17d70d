package io.okpay.merchant.rest;

import io.okpay.shared.web.ClientAddress;
import jakarta.inject.Inject;
import io.okpay.merchant.boundary.ApiKeys;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.rest.ProblemStatuses;
import io.okpay.shared.rest.Problems;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * OAuth 2.0 client credentials (RFC 6749 section 4.4) for merchants: {@code grant_type=client_credentials}, the API
 * key id as client_id and its secret as client_secret, sent with HTTP Basic or in the form body (section 2.3.1), never
 * both. Public: no bearer token needed. Failures are problem+json with an OAuth {@code error} member as well.
 */
@Path("oauth/token")
@Produces(MediaType.APPLICATION_JSON)
public class ClientTokenResource {

    static final String CLIENT_CREDENTIALS = "client_credentials";

    @EJB
    ApiKeys apiKeys;

    @Context
    HttpServletRequest http;

    @Inject
    ClientAddress clientAddress;

    public record ClientToken(String access_token, String token_type, long expires_in) {

        @Override
        public String toString() {
            return "ClientToken[" + token_type + ", " + expires_in + "]";
        }
    }

    /** The client's id and secret, wherever they came from. */
    record Credentials(String id, String secret) {
    }

    // Form parameters by name: a servlet filter may already have read the body as request parameters.
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@HeaderParam("Authorization") String authorization,
                          @FormParam("grant_type") String grantType,
                          @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret) {
        if (!CLIENT_CREDENTIALS.equals(grantType)) {
            return oauthError(new BusinessException("unsupported_grant_type"), "unsupported_grant_type");
        }
        Credentials credentials;
        try {
            credentials = credentials(authorization, clientId, clientSecret);
        } catch (IllegalArgumentException e) {
            return oauthError(new BusinessException("client_credentials_malformed"), "invalid_request");
        }
        ApiKeys.ClientGrant grant;
        try {
            grant = apiKeys.exchange(credentials.id(), credentials.secret(), clientAddress.of(http));
        } catch (EJBException e) {
            if (e.getCause() instanceof BusinessException business) {
                return refused(business, authorization);
            }
            throw e;
        } catch (BusinessException e) {
            return refused(e, authorization);
        }
        return Response.ok(new ClientToken(grant.accessToken(), "Bearer", grant.expiresIn()))
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    /**
     * Basic credentials (each part form-encoded first, as section 2.3.1 says) or form fields; both at once is
     * malformed (IllegalArgumentException), and so is a Basic header that does not decode.
     */
    static Credentials credentials(String authorization, String formId, String formSecret) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (!basic) {
            return new Credentials(formId, formSecret);
        }
        if (formSecret != null && !formSecret.isEmpty()) {
            throw new IllegalArgumentException("client credentials in two places");
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no colon in Basic credentials");
        }
        return new Credentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
    }

    private Response refused(BusinessException e, String authorization) {
        if ("client_throttled".equals(e.code())) {
            return Response.fromResponse(oauthError(e, "slow_down")).header("Retry-After", e.args()[0]).build();
        }
        Response.ResponseBuilder refused = Response.fromResponse(oauthError(e, e.code()));
        if (ProblemStatuses.of(e.code()) == 401) {
            // RFC 6749 5.2: an unauthenticated client is challenged for the scheme it may use.
            refused.header("WWW-Authenticate", "Basic realm=\"OKPay\", charset=\"UTF-8\"");
        }
        return refused.build();
    }

    private Response oauthError(BusinessException e, String oauthError) {
        Locale locale = Messages.supported(http.getLocale());
        return Response.fromResponse(Problems.of(e, locale, Json.createObjectBuilder().add("error", oauthError).build()))
                .header("Cache-Control", "no-store").build();
    }
}
