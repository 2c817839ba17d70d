package io.okpay.webhook.rest;

import io.okpay.webhook.boundary.WebhookDeliveries;
import io.okpay.webhook.rest.WebhookDtos.DeliveryDto;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** One delivery of the merchant's, and its manual re-send. */
@Path("webhook_deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("MERCHANT")
public class WebhookDeliveryResource {

    @EJB
    WebhookDeliveries deliveries;

    @Context
    SecurityContext security;

    @GET
    @Path("{id}")
    public DeliveryDto one(@PathParam("id") String id) {
        return DeliveryDto.of(deliveries.delivery(merchantId(), id));
    }

    @POST
    @Path("{id}/resend")
    public DeliveryDto resend(@PathParam("id") String id) {
        return DeliveryDto.of(deliveries.resend(merchantId(), id));
    }

    private String merchantId() {
        return security.getUserPrincipal().getName();
    }
}
