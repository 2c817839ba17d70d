package io.okpay.kyc.rest;

import io.okpay.kyc.boundary.ScreeningListView;
import io.okpay.kyc.boundary.VerificationReviews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Compliance (COMPLIANCE) uploads screening lists; every pending or approved verification is screened against each. */
@Stateless
@Path("admin/screening-lists")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("COMPLIANCE")
public class ScreeningListResource {

    @EJB
    VerificationReviews reviews;

    public record ListDto(String id, String name, int entries, int new_hits, String uploaded_at) {
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Response uploadList(@QueryParam("name") String name, String csv) {
        ScreeningListView list = reviews.uploadList(name, csv);
        return Response.status(201).entity(new ListDto(list.id(), list.name(), list.entries(), list.newHits(),
                list.uploadedAt().toString())).build();
    }

}
