package io.okpay.payout;

import io.okpay.currency.boundary.Amounts;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.shared.Money;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
 * Test-only, in the test server (for PayoutIT): puts money into a person's wallet or a merchant's account (house capital to it), reads
 * any ledger account, and reads what the outbox holds for a webhook event — what a black-box test cannot do through
 * the product.
 */
@Stateless
@Path("test-payout")
@Produces(MediaType.TEXT_PLAIN)
public class PayoutTestSupport {

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    @EJB
    Amounts amounts;

    /** {@code owner} usr_... (a wallet) or mch_... (a merchant account). */
    @POST
    @Path("fund/{owner}/{currency}/{amount}")
    public String fund(@PathParam("owner") String owner, @PathParam("currency") String currency,
                       @PathParam("amount") String amount) {
        Money money = amounts.positive(amount, currency);
        long into = accounts.wallet(owner.startsWith("mch_") ? OwnerType.MERCHANT : OwnerType.USER, owner, currency).id();
        long capital = accounts.house(Purpose.CAPITAL, currency).id();
        return ledger.post(PostingRequest.of("payout-it", UUID.randomUUID().toString(), "topup",
                Line.debit(capital, money), Line.credit(into, money))).id();
    }

    /** "balance held available" in minor units; owner usr_..., mch_... or house (with the purpose). */
    @GET
    @Path("account")
    public String account(@QueryParam("owner") String owner, @QueryParam("purpose") Purpose purpose,
                          @QueryParam("currency") String currency) {
        AccountSnapshot account = OwnerType.HOUSE_ID.equals(owner) ? accounts.house(purpose, currency)
                : accounts.wallet(owner.startsWith("mch_") ? OwnerType.MERCHANT : OwnerType.USER, owner, currency);
        return account.balance() + " " + account.held() + " " + account.available();
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
