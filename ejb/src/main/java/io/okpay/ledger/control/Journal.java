package io.okpay.ledger.control;

import io.okpay.ledger.boundary.HoldRequest;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.PostedTransaction;
import io.okpay.ledger.boundary.PostingGuard;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.ledger.boundary.AccountStatus;
import io.okpay.ledger.boundary.HoldState;
import io.okpay.ledger.entity.JournalTransaction;
import io.okpay.ledger.entity.LedgerAccount;
import io.okpay.ledger.entity.LedgerEntry;
import io.okpay.ledger.entity.LedgerHold;
import io.okpay.ledger.entity.Relation;
import io.okpay.ledger.entity.TransactionKind;
import io.okpay.notification.boundary.Outbox;
import io.okpay.shared.BusinessException;
import io.okpay.shared.PublicIds;
import io.okpay.shared.persistence.WriteConflicts;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes the ledger, one database transaction per call (REQUIRES_NEW), so that {@link io.okpay.ledger.boundary.Ledger}
 * can run a call again when MariaDB picks it as a deadlock victim. Every call locks the accounts it touches with one
 * SELECT ... FOR UPDATE in ascending id order (after the posting guards, see {@link #guard}), checks the rules under the lock, and writes the journal transaction, its
 * entries and the new cached balances together. A business exception rolls everything back: nothing is written.
 * Calls that touch a hold lock the hold row before the accounts, always in that order.
 */
@Stateless
@Interceptors(WriteConflicts.class)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Journal {

    static final String SYSTEM_SCOPE = "ledger";

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @EJB
    Outbox outbox;

    /** The rules other features add to every posting and hold (limits, freezes); see {@link PostingGuard}. */
    @Inject
    Instance<PostingGuard> guards;

    @Inject
    AccountOwners accountOwners;

    /** See {@link io.okpay.ledger.boundary.Ledger#post(PostingRequest, Function)} for {@code recordOf} (may be null). */
    public PostedTransaction post(PostingRequest request, String requestHash, Function<PostedTransaction, Object> recordOf) {
        return post(TransactionKind.POSTING, request, requestHash, recordOf);
    }

    /** As {@link #post(PostingRequest, String, Function)}, as a transaction of this kind (POSTING or ADJUSTMENT). */
    public PostedTransaction post(TransactionKind kind, PostingRequest request, String requestHash,
                                  Function<PostedTransaction, Object> recordOf) {
        JournalTransaction related = request.link() == null ? null : byPublicId(request.link().transactionId());
        guard(request.code(), false, request.lines());
        Map<Long, LedgerAccount> accounts = lock(accountIds(request.lines()));
        JournalTransaction txn = open(kind, request.code(), request.scope(), request.idempotencyKey(),
                requestHash, request.externalRef(), request.memo(), related, related == null ? null : request.link().relation());
        List<LedgerEntry> entries = apply(txn, request.lines(), accounts);
        request.effects().forEach(effect -> outbox.enqueue(effect.type(), effect.payloadJson()));
        PostedTransaction posted = view(txn, related, entries);
        Object record = recordOf == null ? null : recordOf.apply(posted);
        if (record != null) {
            em.persist(record);
        }
        em.flush();
        return posted;
    }

    public PostedTransaction hold(HoldRequest request, String requestHash) {
        long held = request.amount().minor();
        guard(request.code(), true, List.of(new Line(request.debitAccountId(), held, request.amount().currency()),
                new Line(request.creditAccountId(), -held, request.amount().currency())));
        Map<Long, LedgerAccount> accounts = lock(List.of(request.debitAccountId(), request.creditAccountId()));
        JournalTransaction txn = open(TransactionKind.HOLD, request.code(), request.scope(), request.idempotencyKey(),
                requestHash, request.externalRef(), request.memo(), null, null);
        LedgerAccount debit = accounts.get(request.debitAccountId());
        for (LedgerAccount account : accounts.values()) {
            requireOpen(account, request.amount().currency());
        }
        if (debit.type().normalSign() > 0) {
            // A hold reserves money its debit account owes out (a wallet, a merchant balance); a debit would raise
            // the balance of an asset or expense account, which has nothing to reserve.
            throw new BusinessException("hold_not_supported");
        }
        long amount = request.amount().minor();
        if (debit.noNegative() && debit.available() - amount < 0) {
            throw new BusinessException("insufficient_funds");
        }
        debit.reserve(amount);
        em.persist(new LedgerHold(txn.id(), request.debitAccountId(), request.creditAccountId(),
                request.amount().currency(), amount, request.expiresAt(), txn.createdAt()));
        em.flush();
        return view(txn, null, List.of());
    }

    /** Moves {@code amount} (at most the held amount) and releases the rest of the reservation. */
    public PostedTransaction postHold(String scope, String key, String code, String holdId, long amount, String requestHash) {
        JournalTransaction holdTxn = byPublicId(holdId);
        LedgerHold hold = pendingHold(holdTxn);
        if (hold.lapsedAt(Instant.now())) {
            throw new BusinessException("hold_expired");
        }
        if (amount <= 0 || amount > hold.amount()) {
            throw BusinessException.invalid(List.of(new BusinessException.FieldError("amount", "hold_amount_invalid")));
        }
        Map<Long, LedgerAccount> accounts = lock(List.of(hold.debitAccountId(), hold.creditAccountId()));
        JournalTransaction txn = open(TransactionKind.HOLD_POST, code, scope, key, requestHash, null, null, holdTxn,
                Relation.CLOSES_HOLD);
        accounts.get(hold.debitAccountId()).release(hold.amount());
        List<LedgerEntry> entries = apply(txn, List.of(
                new Line(hold.debitAccountId(), amount, hold.currency()),
                new Line(hold.creditAccountId(), -amount, hold.currency())), accounts);
        hold.close(HoldState.POSTED, txn.id(), amount);
        em.flush();
        return view(txn, holdTxn, entries);
    }

    public PostedTransaction voidHold(String scope, String key, String code, String holdId, String requestHash) {
        JournalTransaction holdTxn = byPublicId(holdId);
        LedgerHold hold = pendingHold(holdTxn);
        return release(hold, holdTxn, HoldState.VOIDED, TransactionKind.HOLD_VOID, code, scope, key, requestHash);
    }

    /**
     * Takes a pending hold's deadline away, so that only a post or a void ends it. Refused (hold_expired) once the
     * deadline has passed, even before the expiry job released it: what has lapsed stays lapsed. No journal
     * transaction: no money moves.
     */
    public void keep(String holdId) {
        LedgerHold hold = pendingHold(byPublicId(holdId));
        if (hold.lapsedAt(Instant.now())) {
            throw new BusinessException("hold_expired");
        }
        hold.keep();
        em.flush();
    }

    /**
     * Releases one hold whose deadline has passed, unless someone posted or voided it meanwhile (then empty). The
     * idempotency key is derived from the hold, so several instances expiring at once write one expiry.
     */
    public Optional<PostedTransaction> expire(long holdId, Instant now) {
        LedgerHold hold = em.find(LedgerHold.class, holdId, LockModeType.PESSIMISTIC_WRITE);
        if (hold == null || hold.state() != HoldState.PENDING || !hold.lapsedAt(now)) {
            return Optional.empty();
        }
        JournalTransaction holdTxn = em.find(JournalTransaction.class, holdId);
        String key = "hold-expiry:" + holdTxn.publicId();
        return Optional.of(release(hold, holdTxn, HoldState.EXPIRED, TransactionKind.HOLD_EXPIRY, "hold_expiry",
                SYSTEM_SCOPE, key, key));
    }

    /** A new transaction with every entry of the original negated; the original stays as it was. */
    public PostedTransaction reverse(String scope, String key, String code, String memo, String transactionId,
                                     String requestHash) {
        JournalTransaction original = byPublicId(transactionId);
        if (original.kind() != TransactionKind.POSTING && original.kind() != TransactionKind.HOLD_POST
                && original.kind() != TransactionKind.ADJUSTMENT) {
            throw new BusinessException("not_reversible");
        }
        // Checked first so the answer is "already reversed" rather than whatever the second reversal would break; the
        // unique key on reverses_id settles two reversals racing each other.
        if (!em.createNamedQuery(JournalTransaction.REVERSAL_OF, Long.class).setParameter("id", original.id())
                .getResultList().isEmpty()) {
            throw new BusinessException("already_reversed");
        }
        List<Line> lines = new ArrayList<>();
        for (LedgerEntry entry : em.createNamedQuery(LedgerEntry.OF_TRANSACTION, LedgerEntry.class)
                .setParameter("transactionId", original.id()).getResultList()) {
            lines.add(new Line(entry.accountId(), -entry.amount(), entry.currency()));
        }
        Map<Long, LedgerAccount> accounts = lock(accountIds(lines));
        JournalTransaction txn = open(TransactionKind.REVERSAL, code, scope, key, requestHash, null, memo, original,
                Relation.REVERSES);
        List<LedgerEntry> entries = apply(txn, lines, accounts);
        em.flush();
        return view(txn, original, entries);
    }

    /** The transaction first written under this idempotency key, with its entries; read without locks. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Stored> byIdempotencyKey(String scope, String key) {
        return em.createNamedQuery(JournalTransaction.BY_IDEMPOTENCY_KEY, JournalTransaction.class)
                .setParameter("scope", scope).setParameter("key", key)
                .getResultStream().findFirst()
                .map(txn -> new Stored(txn.requestHash(), view(txn,
                        txn.relatedId() == null ? null : em.find(JournalTransaction.class, txn.relatedId()),
                        em.createNamedQuery(LedgerEntry.OF_TRANSACTION, LedgerEntry.class)
                                .setParameter("transactionId", txn.id()).getResultList())));
    }

    /** A stored transaction and the fingerprint of the request that wrote it. */
    public record Stored(String requestHash, PostedTransaction transaction) {
    }

    private PostedTransaction release(LedgerHold hold, JournalTransaction holdTxn, HoldState finalState,
                                      TransactionKind kind, String code, String scope, String key, String requestHash) {
        LedgerAccount debit = lock(List.of(hold.debitAccountId())).get(hold.debitAccountId());
        JournalTransaction txn = open(kind, code, scope, key, requestHash, null, null, holdTxn, Relation.CLOSES_HOLD);
        debit.release(hold.amount());
        hold.close(finalState, txn.id(), null);
        em.flush();
        return view(txn, holdTxn, List.of());
    }

    private LedgerHold pendingHold(JournalTransaction holdTxn) {
        if (holdTxn.kind() != TransactionKind.HOLD) {
            throw BusinessException.notFound();
        }
        LedgerHold hold = em.find(LedgerHold.class, holdTxn.id(), LockModeType.PESSIMISTIC_WRITE);
        if (hold.state() != HoldState.PENDING) {
            throw new BusinessException(hold.state() == HoldState.EXPIRED ? "hold_expired" : "hold_not_pending");
        }
        return hold;
    }

    /**
     * Starts the journal transaction. Called once the accounts are locked, so that its time (and that of its entries)
     * never goes backwards within one account's history, which {@code balanceAt} relies on.
     */
    private JournalTransaction open(TransactionKind kind, String code, String scope, String key, String requestHash,
                                    String externalRef, String memo, JournalTransaction related, Relation relation) {
        JournalTransaction txn = new JournalTransaction(PublicIds.newId("txn"), kind, code, scope, key, requestHash,
                externalRef, memo, related == null ? null : related.id(), relation,
                // The column keeps microseconds: a replay must return the same instant as the first answer.
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        em.persist(txn);
        return txn;
    }

    private JournalTransaction byPublicId(String publicId) {
        return em.createNamedQuery(JournalTransaction.BY_PUBLIC_ID, JournalTransaction.class)
                .setParameter("publicId", publicId)
                .getResultStream().findFirst()
                .orElseThrow(BusinessException::notFound);
    }

    private static List<Long> accountIds(List<Line> lines) {
        return lines.stream().map(Line::accountId).toList();
    }

    /** One round trip: SELECT ... FOR UPDATE of every account, ascending ids, so two postings never wait in a circle. */
    private Map<Long, LedgerAccount> lock(List<Long> ids) {
        TreeSet<Long> ordered = new TreeSet<>(ids);
        Map<Long, LedgerAccount> accounts = new HashMap<>();
        for (LedgerAccount account : em.createNamedQuery(LedgerAccount.LOCK, LedgerAccount.class)
                .setParameter("ids", ordered)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
            accounts.put(account.id(), account);
        }
        if (accounts.size() != ordered.size()) {
            throw new BusinessException("account_not_found");
        }
        return accounts;
    }

    /**
     * Shows the movement to every guard before the accounts are locked: a guard's own reads and writes (the limits'
     * counter rows, which lock themselves) then never lengthen the time a busy account stays locked. A guard's refusal
     * rolls the posting back. Who owns each account is fixed, so it comes from {@link AccountOwners} or one read.
     */
    private void guard(String code, boolean hold, List<Line> lines) {
        if (guards.isUnsatisfied()) {
            return;
        }
        Map<Long, AccountOwners.Owner> owners = owners(accountIds(lines));
        List<PostingGuard.Leg> legs = new ArrayList<>(lines.size());
        for (Line line : lines) {
            AccountOwners.Owner owner = owners.get(line.accountId());
            legs.add(new PostingGuard.Leg(line.accountId(), owner.ownerType(), owner.ownerId(), owner.purpose(),
                    line.currency(), Math.multiplyExact(owner.purpose().type().normalSign(), line.amount())));
        }
        PostingGuard.Movement movement = new PostingGuard.Movement(code, hold, legs);
        for (PostingGuard guard : guards) {
            guard.check(movement);
        }
    }

    /** The owners of these accounts, remembered or read in one round trip without locks; account_not_found if one is missing. */
    private Map<Long, AccountOwners.Owner> owners(List<Long> ids) {
        Map<Long, AccountOwners.Owner> found = new HashMap<>();
        List<Long> unknown = new ArrayList<>();
        for (Long id : ids) {
            accountOwners.find(id).ifPresentOrElse(owner -> found.put(id, owner), () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            for (Object[] row : em.createNamedQuery(LedgerAccount.OWNERS, Object[].class)
                    .setParameter("ids", unknown).getResultList()) {
                AccountOwners.Owner owner = new AccountOwners.Owner((OwnerType) row[1], (String) row[2], (Purpose) row[3]);
                accountOwners.remember((Long) row[0], owner);
                found.put((Long) row[0], owner);
            }
        }
        if (!found.keySet().containsAll(ids)) {
            throw new BusinessException("account_not_found");
        }
        return found;
    }

    private List<LedgerEntry> apply(JournalTransaction txn, List<Line> lines, Map<Long, LedgerAccount> accounts) {
        Map<Long, Long> changes = new HashMap<>();
        List<LedgerEntry> entries = new ArrayList<>(lines.size());
        for (Line line : lines) {
            LedgerAccount account = accounts.get(line.accountId());
            requireOpen(account, line.currency());
            long position = account.apply(line.amount());
            changes.merge(account.id(), account.effectOf(line.amount()), Math::addExact);
            LedgerEntry entry = new LedgerEntry(txn.id(), account.id(), position, line.currency(), line.amount(),
                    account.balance(), txn.createdAt());
            em.persist(entry);
            entries.add(entry);
        }
        changes.forEach((id, change) -> {
            LedgerAccount account = accounts.get(id);
            // Only a net decrease is refused: a credit to an account that is short must always go through.
            if (account.noNegative() && change < 0 && account.available() < 0) {
                throw new BusinessException("insufficient_funds");
            }
        });
        return entries;
    }

    private static void requireOpen(LedgerAccount account, String currency) {
        if (account.status() == AccountStatus.FROZEN) {
            throw new BusinessException("account_frozen");
        }
        if (account.status() == AccountStatus.CLOSED) {
            throw new BusinessException("account_closed");
        }
        if (!account.currency().equals(currency)) {
            throw new BusinessException("currency_mismatch", currency, account.currency());
        }
    }

    private static PostedTransaction view(JournalTransaction txn, JournalTransaction related, List<LedgerEntry> entries) {
        return new PostedTransaction(txn.publicId(), txn.kind(), txn.code(), txn.externalRef(), txn.memo(),
                related == null ? null : related.publicId(), txn.relation(), txn.createdAt(),
                entries.stream().map(e -> new PostedTransaction.PostedEntry(e.accountId(), e.currency(), e.amount(),
                        e.balanceAfter())).toList(),
                false);
    }
}
