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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * A merchant's webhook endpoints: {@code url} (https; http only with okpay.sandbox.webhook.local-receivers),
 * {@code events} (types, or {@code ["*"]}), optional {@code description}. The signing secret ({@code whsec_...}) is in the answers to create and
 * {@code rotate_secret} only. Another merchant's endpoint is 404.
 */
@Path("webhook_endpoints")
@Tag(name = "Webhooks")
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
    @Operation(summary = "Add an endpoint; the answer carries its signing secret, shown this once")
    public Response create(EndpointRequest request) {
        EndpointRequest body = request == null ? new EndpointRequest(null, null, null, null) : request;
        EndpointDto created = EndpointDto.of(endpoints.create(merchantId(), body.url(), body.events(), body.description()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Operation(summary = "The merchant's endpoints, oldest first (at most 16, in one page)")
    public EndpointList list() {
        return new EndpointList(endpoints.list(merchantId()).stream().map(EndpointDto::of).toList(), false);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One endpoint (never its secret)")
    public EndpointDto one(@PathParam("id") String id) {
        return EndpointDto.of(endpoints.find(merchantId(), id));
    }

    @POST
    @Path("{id}")
    @Operation(summary = "Change url, events, description and/or enabled; fields left out stay as they are")
    public EndpointDto update(@PathParam("id") String id, EndpointRequest request) {
        EndpointRequest body = request == null ? new EndpointRequest(null, null, null, null) : request;
        return EndpointDto.of(endpoints.update(merchantId(), id, body.url(), body.events(), body.description(), body.enabled()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an endpoint: nothing more is sent to it")
    public Response delete(@PathParam("id") String id) {
        endpoints.delete(merchantId(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rotate_secret")
    @Operation(summary = "A new signing secret (shown this once) signs everything from now on")
    public EndpointDto rotateSecret(@PathParam("id") String id) {
        return EndpointDto.of(endpoints.rotateSecret(merchantId(), id));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The endpoint's delivery log, newest first, with every attempt; limit up to 100, starting_after a delivery id")
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
    @Operation(operationId = "sendWebhookEndpointTestEvent", summary = "Send a test event (type webhook_endpoint.test, "
            + "data: the endpoint) to this endpoint only, now: signed, retried and logged like every delivery")
    @APIResponse(responseCode = "201", description = "The delivery, pending; follow it in the endpoint's deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryDto.class)))
    @APIResponse(responseCode = "401", description = "unauthorized", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "webhook_endpoint_disabled",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "429", description = "rate_limited", content = @Content(mediaType = "application/problem+json"))
    public Response sendTest(@PathParam("id") String id) {
        DeliveryDto delivery = DeliveryDto.of(deliveries.sendTest(merchantId(), id));
        return Response.created(uriInfo.getBaseUriBuilder().path("webhook_deliveries").path(delivery.id()).build())
                .entity(delivery).build();
    }

    private String merchantId() {
        return security.getUserPrincipal().getName();
    }
}
