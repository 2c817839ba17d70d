package io.okpay.funding.rest;

import io.okpay.funding.boundary.SavedCards;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;

/** The caller's saved cards (saved with {@code save_card} on a card top-up): brand, last four digits, expiry. */
@Path("cards")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("USER")
public class CardResource {

    @EJB
    SavedCards savedCards;

    @Context
    SecurityContext security;

    public record SavedCardDto(String id, String brand, String last4, int exp_month, int exp_year) {
    }

    @GET
    public List<SavedCardDto> list() {
        return savedCards.of(userId()).stream().map(card -> new SavedCardDto(card.id(), card.brand(),
                card.lastFour(), card.expMonth(), card.expYear())).toList();
    }

    @DELETE
    @Path("{id}")
    public Response forget(@PathParam("id") String id) {
        savedCards.forget(userId(), id);
        return Response.noContent().build();
    }

    private String userId() {
        return security.getUserPrincipal().getName();
    }
}
