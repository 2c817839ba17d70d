package io.okpay.webhook.rest;

import io.okpay.webhook.boundary.WebhookDeliveries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** A merchant's event exactly as its endpoints receive it: {"id", "object": "event", "type", "created", "data"}. */
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("MERCHANT")
public class EventResource {

    @EJB
    WebhookDeliveries deliveries;

    @Context
    SecurityContext security;

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id) {
        return Response.ok(deliveries.event(security.getUserPrincipal().getName(), id).body()).build();
    }
}
