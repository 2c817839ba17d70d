package io.okpay.ledger.boundary;

import io.okpay.shared.persistence.DatabaseFailures;
import io.okpay.ledger.control.Fingerprint;
import io.okpay.ledger.control.Journal;
import io.okpay.ledger.control.PostingRules;
import io.okpay.ledger.entity.JournalTransaction;
import io.okpay.ledger.entity.LedgerAccount;
import io.okpay.ledger.entity.LedgerEntry;
import io.okpay.ledger.entity.LedgerHold;
import io.okpay.ledger.entity.TransactionKind;
import io.okpay.shared.BusinessException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The one way money moves in OKPay: balanced postings, two-phase holds, reversals, and the reads of balances and
 * history. Every write is its own database transaction (a caller's transaction is suspended, never joined), because
 * it must be possible to run it again from scratch when MariaDB chooses it as a deadlock victim or a lock wait times
 * out; that retry is bounded and invisible to the caller. Effects that must leave OKPay (mail, webhooks) go through the
 * outbox in the same transaction, never by a remote call from inside it.
 * <p>
 * Every write carries an idempotency key in a caller's scope: the same key with the same request returns the first
 * result (marked replayed) without posting again, with another request it is refused as idempotency_conflict (409).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class.getName());

    @EJB
    Journal journal;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "okpay.ledger.max-attempts", defaultValue = "8")
    int maxAttempts;

    public PostedTransaction post(PostingRequest request) {
        return post(request, null);
    }

    /**
     * As {@link #post(PostingRequest)}, and writes the caller's own record of the posting (a transfer row, say) in the
     * same database transaction: one durable commit instead of two, and the record exists exactly when the money
     * moved. {@code recordOf} gets the posting as written and returns a new entity to persist (or null); it may run
     * more than once, since a deadlock victim runs again from scratch, and is not called for a replay, whose record
     * the first call wrote. The record is not part of the request's fingerprint: it must follow from the request.
     */
    public PostedTransaction post(PostingRequest request, Function<PostedTransaction, Object> recordOf) {
        PostingRules.check(request);
        List<Object> parts = new ArrayList<>(Arrays.asList("post", request.code(), request.externalRef(),
                request.memo(), request.link() == null ? "" : request.link().transactionId() + "/" + request.link().relation()));
        request.lines().forEach(line -> parts.add(line.accountId() + "/" + line.amount() + "/" + line.currency()));
        request.effects().forEach(effect -> parts.addAll(List.of(effect.type(), effect.payloadJson())));
        String hash = Fingerprint.of(parts.toArray());
        return idempotent(request.scope(), request.idempotencyKey(), hash, () -> journal.post(request, hash, recordOf));
    }

    /**
     * An operator's correction, approved by a second operator (the admin feature checks who): posted as a transaction
     * of its own kind, ADJUSTMENT, idempotent like {@link #post(PostingRequest)} under its scope and key.
     */
    public PostedTransaction adjust(PostingRequest request) {
        PostingRules.check(request);
        List<Object> parts = new ArrayList<>(Arrays.asList("adjust", request.code(), request.externalRef(), request.memo()));
        request.lines().forEach(line -> parts.add(line.accountId() + "/" + line.amount() + "/" + line.currency()));
        String hash = Fingerprint.of(parts.toArray());
        return idempotent(request.scope(), request.idempotencyKey(), hash,
                () -> journal.post(TransactionKind.ADJUSTMENT, request, hash, null));
    }

    /** Reserves money for a later {@link #postHold} or {@link #voidHold}; the hold's id is the returned transaction id. */
    public PostedTransaction hold(HoldRequest request) {
        PostingRules.check(request);
        String hash = Fingerprint.of("hold", request.code(), request.externalRef(), request.memo(),
                request.debitAccountId(), request.creditAccountId(), request.amount(), request.expiresAt());
        return idempotent(request.scope(), request.idempotencyKey(), hash, () -> journal.hold(request, hash));
    }

    /** Moves {@code amount} minor units (all or part of the hold) and releases the rest of the reservation. */
    public PostedTransaction postHold(String scope, String idempotencyKey, String code, String holdId, long amount) {
        PostingRules.checkFollowUp(scope, idempotencyKey, code);
        String hash = Fingerprint.of("post-hold", code, holdId, amount);
        return idempotent(scope, idempotencyKey, hash, () -> journal.postHold(scope, idempotencyKey, code, holdId, amount, hash));
    }

    public PostedTransaction voidHold(String scope, String idempotencyKey, String code, String holdId) {
        PostingRules.checkFollowUp(scope, idempotencyKey, code);
        String hash = Fingerprint.of("void-hold", code, holdId);
        return idempotent(scope, idempotencyKey, hash, () -> journal.voidHold(scope, idempotencyKey, code, holdId, hash));
    }

    /**
     * Keeps a pending hold until it is posted or voided: it no longer expires. Doing it again changes nothing; a hold
     * whose deadline has passed is hold_expired, one already posted or voided hold_not_pending.
     */
    public void keepHold(String holdId) {
        withRetry(() -> {
            journal.keep(holdId);
            return holdId;
        });
    }

    /** Releases every hold whose deadline is before {@code now}; returns how many this call expired. */
    public int expireDueHolds(Instant now) {
        List<Long> due = em.createNamedQuery(LedgerHold.DUE, Long.class).setParameter("now", now)
                .setMaxResults(500).getResultList();
        int expired = 0;
        for (Long holdId : due) {
            if (withRetry(() -> journal.expire(holdId, now)).isPresent()) {
                expired++;
            }
        }
        return expired;
    }

    /**
     * Undoes a posting with a new transaction whose entries are the original's negated; the original stays. A
     * transaction is reversed at most once (already_reversed), and only if every account can take it back.
     */
    public PostedTransaction reverse(String scope, String idempotencyKey, String code, String memo, String transactionId) {
        PostingRules.checkFollowUp(scope, idempotencyKey, code);
        String hash = Fingerprint.of("reverse", code, memo, transactionId);
        try {
            return idempotent(scope, idempotencyKey, hash, () -> journal.reverse(scope, idempotencyKey, code, memo, transactionId, hash));
        } catch (RuntimeException e) {
            // Not the idempotency key (idempotent() handles that): the only other unique key is "reversed once".
            if (DatabaseFailures.isDuplicateKey(e)) {
                throw new BusinessException("already_reversed");
            }
            throw e;
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AccountSnapshot account(long accountId) {
        LedgerAccount account = em.find(LedgerAccount.class, accountId);
        if (account == null) {
            throw BusinessException.notFound();
        }
        return AccountSnapshot.of(account);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public HoldSnapshot holdSnapshot(String holdId) {
        JournalTransaction txn = em.createNamedQuery(JournalTransaction.BY_PUBLIC_ID, JournalTransaction.class)
                .setParameter("publicId", holdId).getResultStream().findFirst().orElseThrow(BusinessException::notFound);
        LedgerHold hold = em.find(LedgerHold.class, txn.id());
        if (hold == null) {
            throw BusinessException.notFound();
        }
        return new HoldSnapshot(txn.publicId(), hold.debitAccountId(), hold.creditAccountId(), hold.currency(),
                hold.amount(), hold.state(), hold.expiresAt(), hold.postedAmount());
    }

    /**
     * The account's entries, newest first, with the balance after each. {@code before} is the {@code nextCursor} of the
     * previous page (null for the first page); {@code limit} is capped at 100.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public HistoryPage history(long accountId, Long before, int limit) {
        LedgerAccount account = em.find(LedgerAccount.class, accountId);
        if (account == null) {
            throw BusinessException.notFound();
        }
        int size = Math.max(1, Math.min(limit, 100));
        List<Object[]> rows = em.createQuery("SELECT e, t.publicId, t.code FROM LedgerEntry e, JournalTransaction t "
                        + "WHERE t.id = e.transactionId AND e.accountId = :accountId AND e.accountSeq < :before "
                        + "ORDER BY e.accountSeq DESC", Object[].class)
                .setParameter("accountId", accountId)
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults(size + 1)
                .getResultList();
        List<HistoryPage.HistoryLine> lines = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(size, rows.size()))) {
            LedgerEntry entry = (LedgerEntry) row[0];
            lines.add(new HistoryPage.HistoryLine(entry.accountSeq(), (String) row[1], (String) row[2],
                    account.effectOf(entry.amount()), entry.balanceAfter(), entry.createdAt()));
        }
        Long next = rows.size() > size ? lines.get(lines.size() - 1).position() : null;
        return new HistoryPage(lines, next);
    }

    /** The balance the account had at that moment: the balance after its last entry written until then, or zero. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long balanceAt(long accountId, Instant at) {
        if (em.find(LedgerAccount.class, accountId) == null) {
            throw BusinessException.notFound();
        }
        return em.createNamedQuery(LedgerEntry.LAST_BEFORE, LedgerEntry.class)
                .setParameter("accountId", accountId).setParameter("at", at)
                .setMaxResults(1)
                .getResultStream().findFirst().map(LedgerEntry::balanceAfter).orElse(0L);
    }

    /**
     * Runs a write; when the idempotency key is already taken (by an earlier call, or by a concurrent one that won the
     * unique key), answers with what is stored under it instead. A refusal (a hold already posted, funds spent since)
     * is also checked against the key first: a replay must get the first answer, not today's verdict.
     */
    private PostedTransaction idempotent(String scope, String key, String requestHash, Supplier<PostedTransaction> write) {
        try {
            return withRetry(write);
        } catch (BusinessException e) {
            return replay(scope, key, requestHash).orElseThrow(() -> e);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isDuplicateKey(e)) {
                throw e;
            }
            return replay(scope, key, requestHash).orElseThrow(() -> e);
        }
    }

    private Optional<PostedTransaction> replay(String scope, String key, String requestHash) {
        return journal.byIdempotencyKey(scope, key).map(stored -> {
            if (!stored.requestHash().equals(requestHash)) {
                throw new BusinessException("idempotency_conflict");
            }
            return stored.transaction().asReplay();
        });
    }

    private <T> T withRetry(Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (BusinessException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !DatabaseFailures.isRetryable(e)) {
                    throw e;
                }
                LOG.fine(() -> "Ledger write chosen as deadlock victim or timed out waiting for a lock; retrying");
                pause(attempt);
            }
        }
    }

    /** A short random pause that grows with each attempt, so the transactions that collided do not collide again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a ledger write", e);
        }
    }
}
