package io.okpay.ledger;

import io.okpay.currency.boundary.Amounts;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.shared.Money;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/**
 * Test-only, in the test server: money for a test's people and merchants to start with, and (for the ITs that check
 * house accounts while other IT classes run) how much a house account moved in the ledger transactions of one test.
 * A house account's balance is shared by every class running at the same time, so "after minus before" is not the
 * test's own doing; but every test signs up its own people and merchants, so the transactions that touch their
 * accounts are exactly the ones the test caused.
 */
@Stateless
@Path("test-ledger")
@Produces(MediaType.TEXT_PLAIN)
public class LedgerTestSupport {

    /**
     * The house account's entries in the selected transactions, each as its balance_after minus the balance_after of the
     * account's entry before it: the change in the account's normal direction, the same sign as its balance.
     */
    private static final String MOVED = """
            SELECT COALESCE(SUM(e.balance_after - COALESCE(p.balance_after, 0)), 0)
            FROM ledger_account h
            JOIN ledger_entry e ON e.account_id = h.id
            LEFT JOIN ledger_entry p ON p.account_id = e.account_id AND p.account_seq = e.account_seq - 1
            WHERE h.owner_type = 'HOUSE' AND h.purpose = :purpose AND h.currency = :currency
              AND e.transaction_id IN (
                SELECT o.transaction_id FROM ledger_entry o JOIN ledger_account a ON a.id = o.account_id
                WHERE a.owner_type <> 'HOUSE' AND a.owner_id IN (:owners)
                UNION
                SELECT t.id FROM ledger_transaction t WHERE t.external_ref IN (:refs))
            """;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    @EJB
    Amounts amounts;

    /**
     * Puts money into a person's wallet ({@code owner} usr_...) or a merchant's account (mch_...), posted from the
     * house's capital as a top-up: no card, no fee. The id of that transaction.
     */
    @POST
    @Path("fund/{owner}/{currency}/{amount}")
    public String fund(@PathParam("owner") String owner, @PathParam("currency") String currency,
                       @PathParam("amount") String amount) {
        Money money = amounts.positive(amount, currency);
        long into = accounts.wallet(owner.startsWith("mch_") ? OwnerType.MERCHANT : OwnerType.USER, owner, currency).id();
        long capital = accounts.house(Purpose.CAPITAL, currency).id();
        return ledger.post(PostingRequest.of("test-ledger", UUID.randomUUID().toString(), "topup",
                Line.debit(capital, money), Line.credit(into, money))).id();
    }

    /**
     * Minor units the house account (purpose, currency) moved, summed over the ledger transactions that touch an account
     * of one of the {@code owner}s (usr_..., mch_...) or carry one of the {@code ref}s as their external reference (a
     * leg between house accounts, such as a payout's fee, touches no owner's account but names the payout).
     */
    @GET
    @Path("house-moved/{purpose}/{currency}")
    public String houseMoved(@PathParam("purpose") Purpose purpose, @PathParam("currency") String currency,
                             @QueryParam("owner") List<String> owners, @QueryParam("ref") List<String> refs) {
        if (owners.isEmpty()) {
            throw new BadRequestException("at least one owner");
        }
        return em.createNativeQuery(MOVED)
                .setParameter("purpose", purpose.name())
                .setParameter("currency", currency)
                .setParameter("owners", owners)
                // IN () is not SQL; no owner id is empty, so this matches nothing.
                .setParameter("refs", refs.isEmpty() ? List.of("") : refs)
                .getSingleResult().toString();
    }
}
