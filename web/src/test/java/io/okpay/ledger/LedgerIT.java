package io.okpay.ledger;

import io.okpay.currency.boundary.Amounts;
import io.okpay.it.Deployments;
import io.okpay.it.Http;
import io.okpay.it.Race;
import io.okpay.ledger.boundary.AccountSnapshot;
import io.okpay.ledger.boundary.HistoryPage;
import io.okpay.ledger.boundary.HoldRequest;
import io.okpay.ledger.boundary.HoldSnapshot;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.Link;
import io.okpay.ledger.boundary.PostedTransaction;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.ledger.boundary.Reconciliation;
import io.okpay.ledger.boundary.ReconciliationReport;
import io.okpay.ledger.control.ReconciliationHealth;
import io.okpay.ledger.control.ReconciliationStatus;
import io.okpay.ledger.boundary.AccountStatus;
import io.okpay.ledger.boundary.AccountType;
import io.okpay.ledger.boundary.HoldState;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.ledger.entity.Relation;
import io.okpay.ledger.entity.TransactionKind;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Money;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import javax.sql.DataSource;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger in the container against a real MariaDB: postings, rollback, idempotency under concurrency, holds,
 * reversals, reads, reconciliation, and a bank test of thousands of concurrent transfers that must conserve money.
 */
@ExtendWith(ArquillianExtension.class)
@Order(1)
class LedgerIT {

    private static final String SCOPE = "ledger-it";
    private static final int THREADS = 16;

    @Deployment
    static WebArchive deployment() {
        return Deployments.okpay().addClasses(LedgerProbeHandler.class, Http.class, Race.class);
    }

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    @EJB
    Amounts amounts;

    @EJB
    Reconciliation reconciliation;

    @Inject
    @Readiness
    ReconciliationHealth reconciliationHealth;

    @Inject
    ReconciliationStatus reconciliationStatus;

    @Resource(lookup = "java:app/jdbc/okpay")
    DataSource dataSource;

    @ArquillianResource
    URL base;

    @Test
    @DisplayName("accounts are created on demand, once, even when many ask at the same time")
    void accountsOnDemand() throws Exception {
        String owner = newOwner();
        AccountSnapshot wallet = accounts.wallet(OwnerType.USER, owner, "EUR");
        assertEquals(wallet.id(), accounts.wallet(OwnerType.USER, owner, "EUR").id());
        assertEquals(AccountType.LIABILITY, wallet.type());
        assertTrue(wallet.noNegative());
        assertEquals(0, wallet.balance());
        assertNotEquals(wallet.id(), accounts.wallet(OwnerType.USER, owner, "USD").id());
        assertEquals(Purpose.MERCHANT, accounts.wallet(OwnerType.MERCHANT, "mer_" + owner, "EUR").purpose());

        AccountSnapshot fees = accounts.house(Purpose.FEES, "JPY");
        assertEquals(AccountType.REVENUE, fees.type());
        assertFalse(fees.noNegative());
        assertEquals(OwnerType.HOUSE, fees.ownerType());
        assertEquals(fees.id(), accounts.house(Purpose.FEES, "JPY").id());

        String racing = newOwner();
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        inParallel(THREADS, 1, (thread, i) -> ids.add(accounts.wallet(OwnerType.USER, racing, "GBP").id()));
        assertEquals(1, ids.size(), "every concurrent caller gets the same new account");
        assertEquals(1, count("SELECT COUNT(*) FROM ledger_account WHERE owner_id = ?", racing));

        assertCode("invalid_request", () -> accounts.wallet(OwnerType.USER, owner, "KWD"));
        assertCode("invalid_request", () -> accounts.wallet(OwnerType.USER, owner, "XXX"));
    }

    @Test
    @DisplayName("amounts are read against the currency registry: its decimals, enabled currencies only")
    void amountsAgainstTheRegistry() {
        assertEquals(new Money(1250, "USD", 2), amounts.positive("12.50", "USD"));
        assertEquals(new Money(1250, "JPY", 0), amounts.positive("1250", "JPY"));
        assertEquals("amount_too_precise", fieldCode(() -> amounts.positive("12.345", "USD")));
        assertEquals("amount_too_precise", fieldCode(() -> amounts.positive("12.5", "JPY")));
        assertEquals("amount_not_positive", fieldCode(() -> amounts.positive("0", "EUR")));
        assertEquals("currency_unsupported", fieldCode(() -> amounts.positive("1.000", "KWD")), "known but disabled");
        assertEquals("currency_unsupported", fieldCode(() -> amounts.positive("1", "XXX")), "unknown");
        assertEquals("currency_unsupported", fieldCode(() -> amounts.positive("1", null)));
    }

    @Test
    @DisplayName("a payment with a fee posts balanced entries; balances, history pages and past balances agree")
    void paymentWithFee() throws Exception {
        long wallet = wallet("USD");
        long merchant = accounts.wallet(OwnerType.MERCHANT, "mer_" + UUID.randomUUID(), "USD").id();
        long fees = accounts.house(Purpose.FEES, "USD").id();
        fund(wallet, usd("100.00"));
        Instant afterTopUp = Instant.now();
        Thread.sleep(5);

        PostedTransaction payment = ledger.post(PostingRequest.of(SCOPE, key(), "payment",
                Line.debit(wallet, usd("25.00")), Line.credit(merchant, usd("24.25")), Line.credit(fees, usd("0.75"))));
        assertTrue(payment.id().startsWith("txn_"));
        assertEquals(TransactionKind.POSTING, payment.kind());
        assertFalse(payment.replayed());
        assertEquals(3, payment.entries().size());
        assertEquals(0, payment.entries().stream().mapToLong(PostedTransaction.PostedEntry::amount).sum());
        assertEquals(7500, payment.entries().get(0).balanceAfter());

        assertEquals(7500, ledger.account(wallet).balance());
        assertEquals(7500, ledger.account(wallet).available());
        assertEquals(2425, ledger.account(merchant).balance());
        assertEquals(10000, ledger.balanceAt(wallet, afterTopUp));
        assertEquals(0, ledger.balanceAt(wallet, Instant.parse("2020-01-01T00:00:00Z")));

        for (int i = 0; i < 3; i++) {
            ledger.post(PostingRequest.of(SCOPE, key(), "p2p_transfer", Line.debit(wallet, usd("1.00")), Line.credit(merchant, usd("1.00"))));
        }
        HistoryPage first = ledger.history(wallet, null, 2);
        assertEquals(2, first.lines().size());
        assertEquals(7200, first.lines().get(0).balanceAfter(), "newest first, with the running balance");
        assertEquals(-100, first.lines().get(0).change());
        HistoryPage second = ledger.history(wallet, first.nextCursor(), 2);
        assertEquals(List.of(7400L, 7500L), second.lines().stream().map(HistoryPage.HistoryLine::balanceAfter).toList());
        assertEquals(payment.id(), second.lines().get(1).transactionId());
        HistoryPage last = ledger.history(wallet, second.nextCursor(), 2);
        assertEquals(1, last.lines().size());
        assertEquals("topup", last.lines().get(0).code());
        assertEquals(10000, last.lines().get(0).change());
        assertNull(last.nextCursor());
    }

    @Test
    @DisplayName("a refused posting leaves nothing behind: no transaction, no entries, no outbox event, balances unchanged")
    void rollbackLeavesNothing() throws Exception {
        long payer = wallet("USD");
        long payee = wallet("USD");
        fund(payer, usd("10.00"));

        String tooMuch = key();
        assertCode("insufficient_funds", () -> ledger.post(PostingRequest.of(SCOPE, tooMuch, "p2p_transfer",
                Line.debit(payer, usd("10.01")), Line.credit(payee, usd("10.01")))
                .withEffects(new PostingRequest.Effect(LedgerProbeHandler.TYPE, "{\"key\":\"" + tooMuch + "\"}"))));
        assertEquals(0, count("SELECT COUNT(*) FROM ledger_transaction WHERE idempotency_key = ?", tooMuch));
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ?", "%" + tooMuch + "%"));
        assertEquals(1, count("SELECT COUNT(*) FROM ledger_entry WHERE account_id = ?", payer));
        assertEquals(0, count("SELECT COUNT(*) FROM ledger_entry WHERE account_id = ?", payee));
        assertEquals(1000, ledger.account(payer).balance());

        // The credited account is checked after the debited one was already changed in memory: both roll back.
        accounts.changeStatus(payee, AccountStatus.FROZEN);
        String frozen = key();
        assertCode("account_frozen", () -> ledger.post(PostingRequest.of(SCOPE, frozen, "p2p_transfer",
                Line.debit(payer, usd("1.00")), Line.credit(payee, usd("1.00")))));
        assertEquals(0, count("SELECT COUNT(*) FROM ledger_transaction WHERE idempotency_key = ?", frozen));
        assertEquals(1000, ledger.account(payer).balance());
        accounts.changeStatus(payee, AccountStatus.ACTIVE);

        long euros = wallet("EUR");
        assertCode("currency_mismatch", () -> ledger.post(PostingRequest.of(SCOPE, key(), "p2p_transfer",
                Line.debit(payer, usd("1.00")), Line.credit(euros, usd("1.00")))));
        assertCode("posting_unbalanced", () -> ledger.post(PostingRequest.of(SCOPE, key(), "p2p_transfer",
                Line.debit(payer, usd("1.00")), Line.credit(payee, usd("0.99")))));
        assertCode("account_not_found", () -> ledger.post(PostingRequest.of(SCOPE, key(), "p2p_transfer",
                Line.debit(payer, usd("1.00")), Line.credit(Long.MAX_VALUE, usd("1.00")))));
        assertEquals(1000, ledger.account(payer).balance());
        assertEquals(1, count("SELECT COUNT(*) FROM ledger_entry WHERE account_id = ?", payer), "only the top-up");
    }

    @Test
    @DisplayName("idempotency: a replay returns the first result, another request with the key is a conflict, "
            + "and 50 concurrent posts with one key post exactly once")
    void idempotency() throws Exception {
        long payer = wallet("USD");
        long payee = wallet("USD");
        fund(payer, usd("100.00"));

        String key = key();
        PostingRequest request = PostingRequest.of(SCOPE, key, "p2p_transfer", Line.debit(payer, usd("5.00")), Line.credit(payee, usd("5.00")));
        PostedTransaction first = ledger.post(request);
        PostedTransaction replay = ledger.post(request);
        assertTrue(replay.replayed());
        assertEquals(first.id(), replay.id());
        assertEquals(first.entries(), replay.entries());
        assertEquals(first.createdAt(), replay.createdAt());
        assertEquals(9500, ledger.account(payer).balance());

        assertCode("idempotency_conflict", () -> ledger.post(PostingRequest.of(SCOPE, key,
                "p2p_transfer", Line.debit(payer, usd("6.00")), Line.credit(payee, usd("6.00")))));
        PostedTransaction otherScope = ledger.post(PostingRequest.of("another-scope", key, "p2p_transfer",
                Line.debit(payer, usd("1.00")), Line.credit(payee, usd("1.00"))));
        assertNotEquals(first.id(), otherScope.id(), "the same key in another scope is another posting");
        assertFalse(otherScope.replayed());

        String racing = key();
        PostingRequest once = PostingRequest.of(SCOPE, racing, "p2p_transfer", Line.debit(payer, usd("2.00")), Line.credit(payee, usd("2.00")));
        Set<String> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger fresh = new AtomicInteger();
        inParallel(50, 1, (thread, i) -> {
            PostedTransaction result = ledger.post(once);
            ids.add(result.id());
            if (!result.replayed()) {
                fresh.incrementAndGet();
            }
        });
        assertEquals(1, ids.size(), "all 50 callers see the same transaction");
        assertEquals(1, fresh.get(), "exactly one caller posted");
        assertEquals(1, count("SELECT COUNT(*) FROM ledger_transaction WHERE idempotency_key = ?", racing));
        assertEquals(9500 - 100 - 200, ledger.account(payer).balance());
    }

    @Test
    @DisplayName("a hold reserves funds; a partial post moves part and releases the rest; a void releases all")
    void holdPartialPostAndVoid() throws Exception {
        long customer = wallet("USD");
        long merchant = accounts.wallet(OwnerType.MERCHANT, "mer_" + UUID.randomUUID(), "USD").id();
        fund(customer, usd("100.00"));

        PostedTransaction hold = ledger.hold(HoldRequest.of(SCOPE, key(), "card_auth", customer, merchant,
                usd("60.00"), Instant.now().plusSeconds(300)).withExternalRef("auth-1"));
        assertEquals(TransactionKind.HOLD, hold.kind());
        assertTrue(hold.entries().isEmpty(), "a hold moves no money yet");
        AccountSnapshot reserved = ledger.account(customer);
        assertEquals(10000, reserved.balance());
        assertEquals(6000, reserved.held());
        assertEquals(4000, reserved.available());

        assertCode("insufficient_funds", () -> ledger.post(PostingRequest.of(SCOPE, key(), "p2p_transfer",
                Line.debit(customer, usd("40.01")), Line.credit(merchant, usd("40.01")))));
        assertCode("insufficient_funds", () -> ledger.hold(HoldRequest.of(SCOPE, key(), "card_auth", customer,
                merchant, usd("40.01"), Instant.now().plusSeconds(300))));

        String postKey = key();
        assertCode("invalid_request", () -> ledger.postHold(SCOPE, key(), "card_capture", hold.id(), 6001));
        PostedTransaction captured = ledger.postHold(SCOPE, postKey, "card_capture", hold.id(), 4500);
        assertEquals(TransactionKind.HOLD_POST, captured.kind());
        assertEquals(hold.id(), captured.relatedId());
        assertEquals(Relation.CLOSES_HOLD, captured.relation());
        AccountSnapshot after = ledger.account(customer);
        assertEquals(5500, after.balance());
        assertEquals(0, after.held());
        assertEquals(5500, after.available());
        assertEquals(4500, ledger.account(merchant).balance());
        HoldSnapshot closed = ledger.holdSnapshot(hold.id());
        assertEquals(HoldState.POSTED, closed.state());
        assertEquals(4500L, closed.postedAmount());

        assertTrue(ledger.postHold(SCOPE, postKey, "card_capture", hold.id(), 4500).replayed());
        assertCode("hold_not_pending", () -> ledger.postHold(SCOPE, key(), "card_capture", hold.id(), 100));
        assertCode("hold_not_pending", () -> ledger.voidHold(SCOPE, key(), "card_auth_void", hold.id()));

        PostedTransaction second = ledger.hold(HoldRequest.of(SCOPE, key(), "checkout", customer, merchant,
                usd("10.00"), Instant.now().plusSeconds(300)));
        assertEquals(4500, ledger.account(customer).available());
        PostedTransaction voided = ledger.voidHold(SCOPE, key(), "checkout_cancel", second.id());
        assertEquals(TransactionKind.HOLD_VOID, voided.kind());
        assertEquals(5500, ledger.account(customer).available());
        assertEquals(HoldState.VOIDED, ledger.holdSnapshot(second.id()).state());
        assertEquals(5500, ledger.account(customer).balance());
    }

    @Test
    @DisplayName("a hold past its deadline cannot be posted and is expired, releasing its funds")
    void holdExpiry() throws Exception {
        long customer = wallet("JPY");
        long merchant = accounts.wallet(OwnerType.MERCHANT, "mer_" + UUID.randomUUID(), "JPY").id();
        fund(customer, new Money(5000, "JPY", 0));
        PostedTransaction hold = ledger.hold(HoldRequest.of(SCOPE, key(), "checkout", customer, merchant,
                new Money(3000, "JPY", 0), Instant.now().plusMillis(800)));
        assertEquals(2000, ledger.account(customer).available());
        Thread.sleep(1200);

        assertCode("hold_expired", () -> ledger.postHold(SCOPE, key(), "checkout_capture", hold.id(), 3000));
        ledger.expireDueHolds(Instant.now());
        HoldSnapshot expired = ledger.holdSnapshot(hold.id());
        assertEquals(HoldState.EXPIRED, expired.state());
        assertEquals(5000, ledger.account(customer).available());
        assertEquals(0, ledger.account(customer).held());
        assertEquals(1, count("SELECT COUNT(*) FROM ledger_transaction WHERE kind = 'HOLD_EXPIRY' AND idempotency_key = ?",
                "hold-expiry:" + hold.id()));
        assertEquals(0, ledger.expireDueHolds(Instant.now()), "an expired hold is not expired twice");
        assertCode("hold_expired", () -> ledger.voidHold(SCOPE, key(), "checkout_cancel", hold.id()));
    }

    @Test
    @DisplayName("a reversal is a new transaction that negates the original, which stays; it happens once")
    void reversal() throws Exception {
        long payer = wallet("USD");
        long payee = wallet("USD");
        fund(payer, usd("20.00"));
        PostedTransaction original = ledger.post(PostingRequest.of(SCOPE, key(), "p2p_transfer",
                Line.debit(payer, usd("7.00")), Line.credit(payee, usd("7.00"))));
        PostedTransaction reversal = ledger.reverse(SCOPE, key(), "p2p_transfer_reversal", "sent by mistake", original.id());
        assertEquals(TransactionKind.REVERSAL, reversal.kind());
        assertEquals(original.id(), reversal.relatedId());
        assertEquals(Relation.REVERSES, reversal.relation());
        assertEquals(2000, ledger.account(payer).balance());
        assertEquals(0, ledger.account(payee).balance());
        assertEquals(2, count("SELECT COUNT(*) FROM ledger_entry WHERE account_id = ?", payee), "the original stays");
        assertEquals(original.id(), ledger.history(payee, null, 10).lines().get(1).transactionId());

        assertCode("already_reversed", () -> ledger.reverse(SCOPE, key(), "p2p_transfer_reversal", null, original.id()));
        assertCode("not_reversible", () -> ledger.reverse(SCOPE, key(), "reversal", null, reversal.id()));
        assertCode("not_found", () -> ledger.reverse(SCOPE, key(), "reversal", null, "txn_nosuchthing"));

        PostedTransaction refund = ledger.post(PostingRequest.of(SCOPE, key(), "refund",
                Line.debit(payer, usd("1.00")), Line.credit(payee, usd("1.00"))).withLink(new Link(original.id(), Relation.REFUNDS)));
        assertEquals(original.id(), refund.relatedId());

        // Money that was spent cannot be taken back from a wallet.
        PostedTransaction spent = ledger.post(PostingRequest.of(SCOPE, key(), "p2p_transfer",
                Line.debit(payer, usd("5.00")), Line.credit(payee, usd("5.00"))));
        ledger.post(PostingRequest.of(SCOPE, key(), "p2p_transfer", Line.debit(payee, usd("6.00")), Line.credit(payer, usd("6.00"))));
        assertCode("insufficient_funds", () -> ledger.reverse(SCOPE, key(), "reversal", null, spent.id()));
    }

    @Test
    @DisplayName("bank test: 16 threads, 3,200 random transfers among 50 accounts (one hot) conserve money in each currency")
    void bankTest() throws Exception {
        int perThread = 200;
        List<Long> dollars = new ArrayList<>();
        List<Long> yen = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            dollars.add(wallet("USD"));
            fund(dollars.get(i), usd("500.00"));
        }
        for (int i = 0; i < 10; i++) {
            yen.add(wallet("JPY"));
            fund(yen.get(i), new Money(50_000, "JPY", 0));
        }
        long hot = dollars.get(0);
        AtomicInteger posted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long started = System.nanoTime();
        inParallel(THREADS, perThread, (thread, i) -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            boolean inYen = random.nextInt(5) == 0;
            List<Long> pool = inYen ? yen : dollars;
            long from = pool.get(random.nextInt(pool.size()));
            long to = pool.get(random.nextInt(pool.size()));
            if (!inYen && random.nextInt(3) == 0) {
                // A third of the dollar transfers go to or from the hot account.
                if (random.nextBoolean()) {
                    from = hot;
                } else {
                    to = hot;
                }
            }
            if (from == to) {
                to = pool.get((pool.indexOf(from) + 1) % pool.size());
            }
            Money amount = inYen ? new Money(random.nextLong(1, 20_000), "JPY", 0) : new Money(random.nextLong(1, 30_000), "USD", 2);
            try {
                ledger.post(PostingRequest.of(SCOPE, key(), "p2p_transfer", Line.debit(from, amount), Line.credit(to, amount)));
                posted.incrementAndGet();
            } catch (BusinessException e) {
                assertEquals("insufficient_funds", e.code());
                refused.incrementAndGet();
            }
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("bank test: %d posted, %d refused for funds, %d ms, %.0f transfers/s%n",
                posted.get(), refused.get(), millis, (posted.get() + refused.get()) * 1000.0 / millis);
        assertEquals(THREADS * perThread, posted.get() + refused.get());
        assertTrue(posted.get() > THREADS * perThread / 2, "most transfers went through: " + posted.get());

        assertEquals(40 * 50_000L, sumOfBalances(dollars), "dollars conserved");
        assertEquals(10 * 50_000L, sumOfBalances(yen), "yen conserved");
        for (long id : concat(dollars, yen)) {
            AccountSnapshot account = ledger.account(id);
            assertTrue(account.balance() >= 0, "no negative wallet: " + account);
            assertEquals(account.balance(), -count("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE account_id = ?", id),
                    "cached balance equals the sum of the entries of account " + id);
            assertEquals(account.balance(), ledger.history(id, null, 1).lines().get(0).balanceAfter(),
                    "the last running balance is the balance");
        }
        assertEquals(0, count("SELECT COUNT(*) FROM (SELECT transaction_id FROM ledger_entry GROUP BY transaction_id, currency "
                + "HAVING SUM(amount) <> 0) unbalanced"), "every transaction is balanced");
        ReconciliationReport report = reconciliation.run();
        assertTrue(report.consistent(), () -> "reconciliation: " + report.problems());
    }

    @Test
    @DisplayName("deadlock storm: transfers A to B and B to A at once, also three-way, all succeed without an error")
    void deadlockStorm() throws Exception {
        long a = wallet("USD");
        long b = wallet("USD");
        long c = wallet("USD");
        fund(a, usd("1000.00"));
        fund(b, usd("1000.00"));
        fund(c, usd("1000.00"));
        inParallel(THREADS, 60, (thread, i) -> {
            Money one = usd("1.00");
            switch (thread % 4) {
                case 0 -> ledger.post(PostingRequest.of(SCOPE, key(), "p2p_transfer", Line.debit(a, one), Line.credit(b, one)));
                case 1 -> ledger.post(PostingRequest.of(SCOPE, key(), "p2p_transfer", Line.debit(b, one), Line.credit(a, one)));
                case 2 -> ledger.post(PostingRequest.of(SCOPE, key(), "split", Line.debit(c, usd("2.00")),
                        Line.credit(b, one), Line.credit(a, one)));
                default -> ledger.post(PostingRequest.of(SCOPE, key(), "split", Line.debit(b, one), Line.debit(a, one),
                        Line.credit(c, usd("2.00"))));
            }
        });
        assertEquals(300_000L, ledger.account(a).balance() + ledger.account(b).balance() + ledger.account(c).balance());
        assertEquals(1 + THREADS * 60, count("SELECT COUNT(*) FROM ledger_entry WHERE account_id = ?", a),
                "every transfer touched A once, besides its top-up");
    }

    @Test
    @DisplayName("a posting that MariaDB picks as a deadlock victim is run again and succeeds, unseen by its caller")
    void deadlockVictimIsRetried() throws Exception {
        long a = wallet("USD");
        long b = wallet("USD");
        long scratch = wallet("USD");
        fund(a, usd("10.00"));
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // The other transaction has changed a row, so MariaDB will prefer to roll back the posting (which changed
            // none while it waits) when the two wait for each other.
            update(other, "UPDATE ledger_account SET balance = balance + 1 WHERE id = ?", scratch);
            update(other, "SELECT id FROM ledger_account WHERE id = ? FOR UPDATE", b);
            ExecutorService single = Executors.newSingleThreadExecutor();
            try {
                Future<PostedTransaction> posting = single.submit(() -> ledger.post(PostingRequest.of(SCOPE, key(),
                        "p2p_transfer", Line.debit(a, usd("1.00")), Line.credit(b, usd("1.00")))));
                Thread.sleep(1000);
                // The posting holds A (lower id) and waits for B; asking for A now closes the circle.
                update(other, "SELECT id FROM ledger_account WHERE id = ? FOR UPDATE", a);
                other.rollback();
                PostedTransaction posted = posting.get(60, TimeUnit.SECONDS);
                assertEquals(2, posted.entries().size());
            } finally {
                single.shutdownNow();
            }
        }
        assertEquals(900, ledger.account(a).balance());
        assertEquals(100, ledger.account(b).balance());
    }

    @Test
    @DisplayName("outbox events carried by a posting are written with it and delivered after it commits")
    void effectsLeaveThroughTheOutbox() throws Exception {
        long payer = wallet("USD");
        long payee = wallet("USD");
        fund(payer, usd("3.00"));
        String payload = "{\"receipt\":\"" + UUID.randomUUID() + "\"}";
        ledger.post(PostingRequest.of(SCOPE, key(), "p2p_transfer", Line.debit(payer, usd("3.00")), Line.credit(payee, usd("3.00")))
                .withEffects(new PostingRequest.Effect(LedgerProbeHandler.TYPE, payload)));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!LedgerProbeHandler.DELIVERED.contains(payload) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertTrue(LedgerProbeHandler.DELIVERED.contains(payload), "delivered after commit");
    }

    @Test
    @DisplayName("reconciliation finds a cached balance that drifted from its entries, reports it as health DOWN and "
            + "metric 0, and is consistent again once repaired")
    void reconciliationDetectsDrift() throws Exception {
        long victim = wallet("SGD");
        fund(victim, new Money(1234, "SGD", 2));
        assertTrue(reconciliation.run().consistent(), () -> "consistent before: " + reconciliation.last().orElseThrow().problems());
        assertEquals(HealthCheckResponse.Status.UP, reconciliationHealth.call().getStatus());
        assertEquals(1, reconciliationStatus.consistent());

        execute("UPDATE ledger_account SET balance = balance + 1 WHERE id = ?", victim);
        try {
            ReconciliationReport broken = reconciliation.run();
            assertFalse(broken.consistent());
            assertEquals(1, broken.problems().size(), broken.problems().toString());
            assertTrue(broken.problems().get(0).startsWith("account " + victim + ":"), broken.problems().toString());
            assertEquals(HealthCheckResponse.Status.DOWN, reconciliationHealth.call().getStatus());
            assertEquals(0, reconciliationStatus.consistent());
            assertEquals(1, reconciliationStatus.problems());
        } finally {
            execute("UPDATE ledger_account SET balance = balance - 1 WHERE id = ?", victim);
        }
        assertTrue(reconciliation.run().consistent());
        assertEquals(HealthCheckResponse.Status.UP, reconciliationHealth.call().getStatus());
    }

    @Test
    @RunAsClient
    @DisplayName("the reconciliation is visible in health and metrics, and its API is for operators only")
    void reconciliationOverHttp() {
        Http http = new Http(base);
        HttpResponse<String> ready = http.get("/health/ready");
        assertTrue(ready.body().contains("ledger-reconciliation"), ready.body());
        HttpResponse<String> metrics = http.get("/metrics?scope=application");
        assertTrue(metrics.body().contains("okpay_ledger_reconciliation_consistent"), metrics.body());
        HttpResponse<String> anonymous = http.get("/api/v1/admin/ledger/reconciliation");
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals(401, http.post("/api/v1/admin/ledger/reconciliation", "").statusCode());
    }

    // --- helpers ---

    /** Runs {@code perThread} calls on each of {@code threads} threads started together; any failure fails the test. */
    private static void inParallel(int threads, int perThread, Call call) throws Exception {
        Race.run(threads, thread -> {
            for (int i = 0; i < perThread; i++) {
                call.run(thread, i);
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface Call {
        void run(int thread, int i) throws Exception;
    }

    private long wallet(String currency) {
        return accounts.wallet(OwnerType.USER, newOwner(), currency).id();
    }

    /** Money arriving by bank transfer: the house's bank clearing account (an asset) is debited, the wallet credited. */
    private void fund(long wallet, Money amount) {
        long clearing = accounts.house(Purpose.FUNDING_BANK, amount.currency()).id();
        ledger.post(PostingRequest.of(SCOPE, key(), "topup", Line.debit(clearing, amount), Line.credit(wallet, amount)));
    }

    private long sumOfBalances(List<Long> ids) {
        return ids.stream().mapToLong(id -> ledger.account(id).balance()).sum();
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Money usd(String amount) {
        return Money.parse(amount, "USD", 2, Money.Sign.POSITIVE, "amount");
    }

    private static String newOwner() {
        return "usr_it" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static BusinessException assertCode(String code, Executable call) {
        BusinessException e = assertThrows(BusinessException.class, call);
        assertEquals(code, e.code());
        return e;
    }

    private static String fieldCode(Executable call) {
        BusinessException e = assertCode("invalid_request", call);
        return e.fieldErrors().get(0).code();
    }

    private long count(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.execute();
        }
    }

    private void execute(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
