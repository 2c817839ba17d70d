package io.okpay.merchant.rest;

import io.okpay.merchant.boundary.MerchantReviews;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.MerchantStatus;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compliance (COMPLIANCE) reviews merchant profiles: the queue by status, oldest first, and the decisions. The owner
 * is told by e-mail; every decision is audited. An EJB so that the container itself enforces the role.
 */
@Stateless
@Path("admin/merchants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("COMPLIANCE")
public class MerchantAdminResource {

    @EJB
    MerchantReviews reviews;

    public record MerchantList(List<MerchantDto> data, boolean has_more, String next_cursor) {
    }

    @GET
    public MerchantList list(@QueryParam("status") @DefaultValue("pending") String status,
                             @QueryParam("limit") @DefaultValue("20") int limit,
                             @QueryParam("starting_after") String startingAfter) {
        if (limit < 1 || limit > 100) {
            throw BusinessException.invalid(List.of(new FieldError("limit", "limit_invalid", 100)));
        }
        MerchantStatus wanted = Arrays.stream(MerchantStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(status.strip())).findFirst()
                .orElseThrow(() -> BusinessException.invalid(List.of(new FieldError("status", "merchant_status_invalid"))));
        // One more than asked tells whether another page follows.
        List<MerchantView> found = reviews.inStatus(wanted, startingAfter, limit + 1);
        List<MerchantDto> page = found.stream().limit(limit).map(MerchantDto::of).toList();
        boolean more = found.size() > limit;
        return new MerchantList(page, more, more ? page.get(page.size() - 1).id() : null);
    }

    @POST
    @Path("{id}/approve")
    public MerchantDto approve(@PathParam("id") String merchantId) {
        return MerchantDto.of(reviews.decide(merchantId, MerchantStatus.APPROVED));
    }

    @POST
    @Path("{id}/reject")
    public MerchantDto reject(@PathParam("id") String merchantId) {
        return MerchantDto.of(reviews.decide(merchantId, MerchantStatus.REJECTED));
    }

    @POST
    @Path("{id}/suspend")
    public MerchantDto suspend(@PathParam("id") String merchantId) {
        return MerchantDto.of(reviews.decide(merchantId, MerchantStatus.SUSPENDED));
    }
}
