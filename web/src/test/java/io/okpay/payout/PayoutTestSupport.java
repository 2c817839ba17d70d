package io.okpay.payout;

import io.okpay.payout.control.Iban;
import io.okpay.payout.control.PayoutBankAccounts;
import jakarta.inject.Inject;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.OwnerType;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/**
 * Test-only, in the test server (for PayoutIT): reads a person's or a merchant's ledger account, and what the outbox
 * holds for a webhook event — what a black-box test cannot do through the product.
 */
@Stateless
@Path("test-payout")
@Produces(MediaType.TEXT_PLAIN)
public class PayoutTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    Ledger ledger;

    @Inject
    PayoutBankAccounts bankAccounts;

    @EJB
    LedgerAccounts accounts;

    /**
     * Records that a merchant's owner approved a payout to this IBAN with a code (what one withdrawal on the merchant
     * dashboard does), so that the merchant's API key may pay out to it; StepUpIT goes the dashboard's way itself.
     */
    @POST
    @Path("confirmed-account/{merchant}")
    public String confirmedAccount(@PathParam("merchant") String merchantId, @QueryParam("iban") String iban) {
        bankAccounts.confirmed(OwnerType.MERCHANT, merchantId, Iban.parse(iban, "iban"), "test");
        return "1";
    }

    /** "balance held available" in minor units of a person's wallet (owner usr_...) or a merchant's account (mch_...). */
    @GET
    @Path("account")
    public String account(@QueryParam("owner") String owner, @QueryParam("currency") String currency) {
        AccountSnapshot account = accounts.wallet(owner.startsWith("mch_") ? OwnerType.MERCHANT : OwnerType.USER, owner,
                currency);
        return account.balance() + " " + account.held() + " " + account.available();
    }

    /**
     * Moves a payout's hold deadline (in its row and in the ledger) {@code days} into the past, as if that much time
     * had gone by; a hold without a deadline keeps none.
     */
    @POST
    @Path("age/{payout}")
    public String age(@PathParam("payout") String payoutId, @QueryParam("days") int days) {
        int holds = em.createNativeQuery("UPDATE ledger_hold h JOIN ledger_transaction t ON t.id = h.id "
                        + "JOIN payout p ON p.hold_id = t.public_id SET h.expires_at = h.expires_at - INTERVAL ?1 DAY "
                        + "WHERE p.public_id = ?2")
                .setParameter(1, days).setParameter(2, payoutId).executeUpdate();
        em.createNativeQuery("UPDATE payout SET hold_expires_at = hold_expires_at - INTERVAL ?1 DAY WHERE public_id = ?2")
                .setParameter(1, days).setParameter(2, payoutId).executeUpdate();
        return Integer.toString(holds);
    }

    /** What the ledger's schedule does every 10 seconds, now: releases the holds past their deadline. */
    @POST
    @Path("expire-holds")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String expireHolds() {
        return Integer.toString(ledger.expireDueHolds(Instant.now()));
    }

    /** The payload of the webhook event in the outbox that mentions this text, or "" when there is none. */
    @GET
    @Path("webhook")
    @Produces(MediaType.APPLICATION_JSON)
    public String webhook(@QueryParam("type") String type, @QueryParam("object") String objectId) {
        List<?> rows = em.createNativeQuery("SELECT payload FROM outbox_event WHERE type = 'webhook' AND payload LIKE ?1 "
                        + "AND payload LIKE ?2")
                .setParameter(1, "%\"type\":\"" + type + "\"%").setParameter(2, "%" + objectId + "%")
                .getResultList();
        return rows.isEmpty() ? "{}" : rows.get(0).toString();
    }
}
