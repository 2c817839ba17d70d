package io.okpay.merchant.rest;

import io.okpay.merchant.boundary.ApiKeys;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.shared.BusinessException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.net.URI;
import java.util.List;

/**
 * A person's own merchant profile and its API keys (bearer token of the person who owns it). Nobody else sees them:
 * a person without a merchant profile, or asking for a key of another merchant, is told 404.
 */
@Path("merchants")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class MerchantResource {

    @EJB
    Merchants merchants;

    @EJB
    ApiKeys apiKeys;

    @Context
    SecurityContext security;

    public record OpenRequest(String business_name, String website, String support_email, String settlement_currency) {
    }

    public record ApiKeyList(List<ApiKeyDto> data, boolean has_more) {
    }

    @POST
    public Response open(OpenRequest request) {
        OpenRequest body = request == null ? new OpenRequest(null, null, null, null) : request;
        MerchantView opened = merchants.open(userId(), body.business_name(), body.website(), body.support_email(),
                body.settlement_currency());
        return Response.created(URI.create("/api/v1/merchants/me")).entity(MerchantDto.of(opened)).build();
    }

    @GET
    @Path("me")
    public MerchantDto me() {
        return MerchantDto.of(merchants.ofOwner(userId()).orElseThrow(BusinessException::notFound));
    }

    @GET
    @Path("me/keys")
    public ApiKeyList keys() {
        return new ApiKeyList(apiKeys.list(userId()).stream().map(ApiKeyDto::of).toList(), false);
    }

    @POST
    @Path("me/keys")
    public Response createKey() {
        return secret(ApiKeyDto.of(apiKeys.create(userId())));
    }

    @POST
    @Path("me/keys/{id}/revoke")
    public ApiKeyDto revoke(@PathParam("id") String keyId) {
        return ApiKeyDto.of(apiKeys.revoke(userId(), keyId));
    }

    @POST
    @Path("me/keys/{id}/rotate")
    public Response rotate(@PathParam("id") String keyId) {
        return secret(ApiKeyDto.of(apiKeys.rotate(userId(), keyId)));
    }

    /** An answer that carries a secret is never cached. */
    private static Response secret(ApiKeyDto created) {
        return Response.created(URI.create("/api/v1/merchants/me/keys")).header("Cache-Control", "no-store")
                .entity(created).build();
    }

    private String userId() {
        return security.getUserPrincipal().getName();
    }
}
