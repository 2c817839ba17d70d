package io.okpay.webhook.rest;

import io.okpay.shared.BusinessException;
import io.okpay.webhook.boundary.WebhookDeliveries;
import io.okpay.webhook.boundary.WebhookEndpoints;
import io.okpay.webhook.rest.WebhookDtos.DeliveryDto;
import io.okpay.webhook.rest.WebhookDtos.DeliveryList;
import io.okpay.webhook.rest.WebhookDtos.EndpointDto;
import io.okpay.webhook.rest.WebhookDtos.EndpointList;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * A merchant's webhook endpoints: {@code url} (https; http only with okpay.sandbox.webhook.local-receivers),
 * {@code events} (types, or {@code ["*"]}), optional {@code description}. The signing secret ({@code whsec_...}) is in the answers to create and
 * {@code rotate_secret} only. Another merchant's endpoint is 404.
 */
@Path("webhook_endpoints")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("MERCHANT")
public class WebhookEndpointResource {

    @EJB
    WebhookEndpoints endpoints;

    @EJB
    WebhookDeliveries deliveries;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    public record EndpointRequest(String url, List<String> events, String description, Boolean enabled) {
    }

    @POST
    public Response create(EndpointRequest request) {
        EndpointRequest body = request == null ? new EndpointRequest(null, null, null, null) : request;
        EndpointDto created = EndpointDto.of(endpoints.create(merchantId(), body.url(), body.events(), body.description()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    public EndpointList list() {
        return new EndpointList(endpoints.list(merchantId()).stream().map(EndpointDto::of).toList(), false);
    }

    @GET
    @Path("{id}")
    public EndpointDto one(@PathParam("id") String id) {
        return EndpointDto.of(endpoints.find(merchantId(), id));
    }

    @POST
    @Path("{id}")
    public EndpointDto update(@PathParam("id") String id, EndpointRequest request) {
        EndpointRequest body = request == null ? new EndpointRequest(null, null, null, null) : request;
        return EndpointDto.of(endpoints.update(merchantId(), id, body.url(), body.events(), body.description(), body.enabled()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        endpoints.delete(merchantId(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rotate_secret")
    public EndpointDto rotateSecret(@PathParam("id") String id) {
        return EndpointDto.of(endpoints.rotateSecret(merchantId(), id));
    }

    @GET
    @Path("{id}/deliveries")
    public DeliveryList deliveries(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("20") int limit,
                                   @QueryParam("starting_after") String startingAfter) {
        if (limit < 1 || limit > 100) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("limit", "limit_invalid", 100)));
        }
        var page = deliveries.ofEndpoint(merchantId(), id, startingAfter, limit);
        return new DeliveryList(page.deliveries().stream().map(DeliveryDto::of).toList(), page.hasMore());
    }

    @POST
    @Path("{id}/test")
    public Response sendTest(@PathParam("id") String id) {
        DeliveryDto delivery = DeliveryDto.of(deliveries.sendTest(merchantId(), id));
        return Response.created(uriInfo.getBaseUriBuilder().path("webhook_deliveries").path(delivery.id()).build())
                .entity(delivery).build();
    }

    private String merchantId() {
        return security.getUserPrincipal().getName();
    }
}
