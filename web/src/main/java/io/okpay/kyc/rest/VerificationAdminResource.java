package io.okpay.kyc.rest;

import io.okpay.kyc.boundary.DocumentContent;
import io.okpay.kyc.boundary.ReviewView;
import io.okpay.kyc.boundary.VerificationReviews;
import io.okpay.kyc.boundary.VerificationStatus;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.web.ClientAddress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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

import java.util.Arrays;
import java.util.List;

/**
 * Compliance (COMPLIANCE) reviews identity verifications: the queue by status with screening hits, the documents (each
 * view audited), decisions and clearing hits ({@link ScreeningListResource} takes the lists). An EJB so that the container itself enforces the role.
 */
@Stateless
@Path("admin/verifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("COMPLIANCE")
public class VerificationAdminResource {

    @EJB
    VerificationReviews reviews;

    @Inject
    ClientAddress clientAddress;

    public record ReviewList(List<VerificationDto.Review> data, boolean has_more, String next_cursor) {
    }

    public record Decision(String reason, String document) {
    }

    @GET
    public ReviewList list(@QueryParam("status") @DefaultValue("pending") String status,
                           @QueryParam("limit") @DefaultValue("20") int limit,
                           @QueryParam("starting_after") String startingAfter) {
        if (limit < 1 || limit > 100) {
            throw BusinessException.invalid(List.of(new FieldError("limit", "limit_invalid", 100)));
        }
        VerificationStatus wanted = Arrays.stream(VerificationStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(status.strip())).findFirst()
                .orElseThrow(() -> BusinessException.invalid(List.of(new FieldError("status", "verification_status_invalid"))));
        List<ReviewView> found = reviews.inStatus(wanted, startingAfter, limit + 1);
        List<VerificationDto.Review> page = found.stream().limit(limit).map(VerificationDto::review).toList();
        boolean more = found.size() > limit;
        return new ReviewList(page, more, more ? page.get(page.size() - 1).id() : null);
    }

    @GET
    @Path("{id}")
    public VerificationDto.Review one(@PathParam("id") String id) {
        return VerificationDto.review(reviews.require(id));
    }

    @GET
    @Path("{id}/documents/{doc}")
    @Produces({"image/jpeg", "image/png", "application/pdf"})
    public Response document(@PathParam("id") String id, @PathParam("doc") String documentId,
                             @Context HttpServletRequest http) {
        DocumentContent document = reviews.document(id, documentId, clientAddress.of(http));
        String extension = document.contentType().substring(document.contentType().indexOf('/') + 1);
        return Response.ok(document.content(), document.contentType())
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", "inline; filename=\"" + document.id() + "." + extension + "\"").build();
    }

    @POST
    @Path("{id}/approve")
    public VerificationDto.Review approve(@PathParam("id") String id) {
        return VerificationDto.review(reviews.approve(id));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public VerificationDto.Review reject(@PathParam("id") String id, Decision decision) {
        return VerificationDto.review(reviews.reject(id, decision == null ? null : decision.reason()));
    }

    @POST
    @Path("{id}/request-more")
    @Consumes(MediaType.APPLICATION_JSON)
    public VerificationDto.Review requestMore(@PathParam("id") String id, Decision decision) {
        return VerificationDto.review(reviews.requestMore(id, decision == null ? null : decision.document(),
                decision == null ? null : decision.reason()));
    }

    @POST
    @Path("{id}/screening-hits/{hit}/clear")
    @Consumes(MediaType.APPLICATION_JSON)
    public VerificationDto.Review clear(@PathParam("id") String id, @PathParam("hit") String hitId, Decision decision) {
        return VerificationDto.review(reviews.clearHit(id, hitId, decision == null ? null : decision.reason()));
    }

}
