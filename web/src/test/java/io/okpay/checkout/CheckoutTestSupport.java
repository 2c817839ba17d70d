package io.okpay.checkout;

import io.okpay.checkout.boundary.CheckoutJson;
import io.okpay.checkout.boundary.CheckoutPayments;
import io.okpay.checkout.boundary.CheckoutSessions;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.merchant.boundary.MerchantStatus;
import io.okpay.shared.rest.Problems;
import io.okpay.identity.boundary.StepUpRequired;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.Locale;

/**
 * Test-only, in the test server (for CheckoutIT): pays a session as the checkout page does (for races the browser
 * cannot make), ends a session's time early, runs the expiry job, reads a balance.
 */
@Stateless
@Path("test-checkout")
@Produces(MediaType.TEXT_PLAIN)
public class CheckoutTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    LedgerAccounts accounts;

    @EJB
    CheckoutPayments payments;

    @EJB
    CheckoutSessions sessions;

    @EJB
    Merchants merchants;

    /** The payment as JSON, as the checkout page would make it; refusals answer problem+json. */
    @POST
    @Path("pay/{user}/{session}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response pay(@PathParam("user") String userId, @PathParam("session") String sessionId,
                        @QueryParam("challenge") String challengeId, @QueryParam("code") String code) {
        try {
            return Response.ok(CheckoutJson.payment(payments.pay(userId, sessionId, challengeId, code)).toString()).build();
        } catch (StepUpRequired e) {
            return Problems.of(e, Locale.ENGLISH, Json.createObjectBuilder().add("challenge_id", e.challengeId()).build());
        }
    }

    /**
     * Points the demo shop's server at this test server's own API: the HTTP port is chosen at random when the test
     * server starts, so okpay.base-url cannot name it (the shop reads its API address on every call).
     */
    @POST
    @Path("demo-shop-api-here")
    public String demoShopApiHere(@Context HttpServletRequest request) {
        String here = "http://127.0.0.1:" + request.getLocalPort();
        System.setProperty("okpay.sandbox.shop.api-url", here);
        return here;
    }

    /** Compliance suspends the merchant: it may no longer take payments. */
    @POST
    @Path("suspend/{merchant}")
    public String suspend(@PathParam("merchant") String merchantId) {
        return merchants.decide("usr_test_compliance", merchantId, MerchantStatus.SUSPENDED).status().name();
    }

    @POST
    @Path("due/{session}")
    public String due(@PathParam("session") String sessionId) {
        return Integer.toString(em.createNativeQuery("UPDATE checkout_session SET expires_at = ? WHERE public_id = ?")
                .setParameter(1, Instant.now().minusSeconds(1)).setParameter(2, sessionId).executeUpdate());
    }

    @POST
    @Path("expire-due")
    public String expireDue() {
        return Integer.toString(sessions.expireDue(Instant.now()));
    }

    /** Balance in minor units of a person's wallet (type USER) or a merchant's account (MERCHANT). */
    @GET
    @Path("balance/{type}/{owner}/{currency}")
    public String balance(@PathParam("type") OwnerType type, @PathParam("owner") String owner,
                          @PathParam("currency") String currency) {
        return Long.toString(accounts.wallet(type, owner, currency).balance());
    }

    /** The webhook events queued in the outbox for a merchant, of a type: how many. */
    @GET
    @Path("events/{merchant}/{type}")
    public String events(@PathParam("merchant") String merchantId, @PathParam("type") String type) {
        return em.createNativeQuery("SELECT COUNT(*) FROM outbox_event WHERE type = 'webhook' AND payload LIKE ? AND payload LIKE ?")
                .setParameter(1, "%\"merchant_id\":\"" + merchantId + "\"%")
                .setParameter(2, "%\"type\":\"" + type + "\"%").getSingleResult().toString();
    }
}
