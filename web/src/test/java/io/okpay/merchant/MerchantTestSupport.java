package io.okpay.merchant;

import io.okpay.identity.control.SigningKeys;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.merchant.boundary.MerchantStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Set;

/**
 * Test-only, in the test server (for merchant-facing tests): opens a shop for a signed-up person and has it approved as compliance would
 * (decided by "usr_test_compliance"), and mints that merchant's MERCHANT access token with OKPay's own signing key,
 * as the client-credentials exchange does, so tests of checkout, webhooks and payouts need not repeat the key dance.
 */
@Stateless
@Path("test-merchant")
@Produces(MediaType.APPLICATION_JSON)
public class MerchantTestSupport {

    @EJB
    Merchants merchants;

    @EJB
    SigningKeys signingKeys;

    /** {"merchant_id": "mch_...", "access_token": "..."} for a new approved merchant owned by the user. */
    @POST
    @Path("approved/{user}")
    public String approved(@PathParam("user") String userId, @QueryParam("name") String name,
                           @QueryParam("currency") String currency) {
        MerchantView opened = merchants.open(userId, name == null ? "Test Shop" : name, "https://shop.example",
                "support@shop.example", currency == null ? "EUR" : currency);
        merchants.decide("usr_test_compliance", opened.id(), MerchantStatus.APPROVED);
        return Json.createObjectBuilder().add("merchant_id", opened.id())
                .add("access_token", token(opened.id())).build().toString();
    }

    /** A fresh MERCHANT access token for an existing merchant. */
    @POST
    @Path("token/{merchant}")
    @Produces(MediaType.TEXT_PLAIN)
    public String token(@PathParam("merchant") String merchantId) {
        return signingKeys.sign("merchant", merchantId, Set.of("MERCHANT"));
    }
}
