package io.okpay.transfer;

import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.AccountStatus;
import io.okpay.ledger.boundary.OwnerType;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/**
 * Test-only, in the test server (for the transfer tests): freezes a wallet, as an operator would, and ends a claim
 * period early.
 */
@Stateless
@Path("test-transfer")
@Produces(MediaType.TEXT_PLAIN)
public class TransferTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    LedgerAccounts accounts;

    @POST
    @Path("freeze/{user}/{currency}")
    public String freeze(@PathParam("user") String userId, @PathParam("currency") String currency) {
        return accounts.changeStatus(accounts.wallet(OwnerType.USER, userId, currency).id(), AccountStatus.FROZEN)
                .status().name();
    }

    /** Ends the claim period of a transfer in escrow now, as if 14 days had passed. */
    @POST
    @Path("expire-claim/{transfer}")
    public String expireClaim(@PathParam("transfer") String transferId) {
        return Integer.toString(em.createNativeQuery("UPDATE transfer SET claim_until = ? WHERE public_id = ?")
                .setParameter(1, Instant.now().minusSeconds(1)).setParameter(2, transferId).executeUpdate());
    }
}
