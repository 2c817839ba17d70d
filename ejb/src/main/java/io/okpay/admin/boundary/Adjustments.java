package io.okpay.admin.boundary;

import io.okpay.admin.control.AdjustmentStore;
import io.okpay.admin.control.Reasons;
import io.okpay.admin.entity.Adjustment;
import io.okpay.audit.boundary.AuditLog;
import io.okpay.currency.boundary.Amounts;
import io.okpay.currency.boundary.Currencies;
import io.okpay.identity.boundary.Users;
import io.okpay.ledger.boundary.Ledger;
import io.okpay.ledger.boundary.LedgerAccounts;
import io.okpay.ledger.boundary.Line;
import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.PostedTransaction;
import io.okpay.ledger.boundary.PostingRequest;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import io.okpay.shared.Money;
import io.okpay.shared.PublicIds;
import io.okpay.shared.persistence.DatabaseFailures;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Money corrections with four eyes (FINANCE). A maker proposes (a person's balance, amount, direction, reason, the
 * ticket it belongs to); a different operator approves, and only then is it posted to the ledger as an ADJUSTMENT
 * against the house's operations account, keyed by the proposal's id (idempotent); or rejects it. Who is who comes from
 * the container's caller principal, the operator's id, never from the request or the session: a second session or a
 * replayed request of the maker is still the maker. Proposals lapse after {@code okpay.admin.adjustment-ttl}. Every
 * step, and every refused self-approval, is in the audit log with its reason.
 */
@Stateless
@RolesAllowed("FINANCE")
public class Adjustments {

    static final String SCOPE = "admin-adjustment";
    private static final int MAX_TICKET = 64;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    AdjustmentStore store;

    @EJB
    Amounts amounts;

    @Inject
    Currencies currencies;

    @EJB
    Users users;

    @EJB
    Ledger ledger;

    @EJB
    LedgerAccounts accounts;

    @EJB
    AuditLog auditLog;

    @Inject
    @ConfigProperty(name = "okpay.admin.adjustment-ttl", defaultValue = "PT72H")
    Duration ttl;

    /** What a maker asks for. {@code direction}: credit (money to the person) or debit (money from them). */
    public record Proposal(String userId, String amount, String currency, String direction, String reason, String ticket) {
    }

    /**
     * A new proposal; with an idempotency key, the same request again answers with the first proposal (and another
     * request under the same key is idempotency_conflict).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AdjustmentView propose(Proposal proposal, String idempotencyKey) {
        String maker = operator();
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw new BusinessException("idempotency_key_invalid");
        }
        Adjustment asked = validated(proposal, maker, idempotencyKey);
        if (idempotencyKey != null) {
            Optional<Adjustment> earlier = store.byKey(maker, idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), asked);
            }
        }
        try {
            store.propose(asked);
        } catch (RuntimeException e) {
            if (idempotencyKey == null || !DatabaseFailures.isDuplicateKey(e)) {
                throw e;
            }
            return replay(store.byKey(maker, idempotencyKey).orElseThrow(() -> e), asked);
        }
        return view(asked);
    }

    /**
     * Posts a proposal: only a FINANCE operator other than its maker, before it lapses. The same checker approving
     * again gets the same answer (nothing is posted twice: the posting's key is the proposal).
     */
    public AdjustmentView approve(String adjustmentId, String reason) {
        String checker = operator();
        String why = Reasons.require(reason);
        Adjustment adjustment = locked(adjustmentId);
        refuseMaker(adjustment, checker, "approve");
        if (adjustment.status() == Adjustment.Status.APPROVED && checker.equals(adjustment.checkerId())) {
            return view(adjustment);
        }
        requireOpen(adjustment);
        Money amount = currencies.money(adjustment.amount(), adjustment.currency());
        long wallet = accounts.wallet(OwnerType.USER, adjustment.userId(), adjustment.currency()).id();
        long operations = accounts.house(Purpose.OPERATIONS, adjustment.currency()).id();
        boolean credit = adjustment.direction() == Adjustment.Direction.CREDIT;
        PostedTransaction posted = ledger.adjust(PostingRequest.of(SCOPE, adjustment.publicId(), "adjustment",
                        credit ? Line.debit(operations, amount) : Line.debit(wallet, amount),
                        credit ? Line.credit(wallet, amount) : Line.credit(operations, amount))
                .withExternalRef(adjustment.publicId())
                .withMemo(adjustment.ticket() == null ? null : "ticket " + adjustment.ticket()));
        adjustment.approve(checker, why, posted.id(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        auditLog.recordAction(checker, "ADJUSTMENT_APPROVED", adjustment.publicId() + " " + adjustment.direction() + " "
                        + amount.toDecimal() + " " + amount.currency() + " " + adjustment.userId(), why,
                "PROPOSED by " + adjustment.makerId(), "APPROVED, posted as " + posted.id());
        return view(adjustment);
    }

    /** Turns a proposal down: only an operator other than its maker; nothing is posted. */
    public AdjustmentView reject(String adjustmentId, String reason) {
        String checker = operator();
        String why = Reasons.require(reason);
        Adjustment adjustment = locked(adjustmentId);
        refuseMaker(adjustment, checker, "reject");
        if (adjustment.status() == Adjustment.Status.REJECTED && checker.equals(adjustment.checkerId())) {
            return view(adjustment);
        }
        requireOpen(adjustment);
        adjustment.reject(checker, why, Instant.now().truncatedTo(ChronoUnit.MICROS));
        auditLog.recordAction(checker, "ADJUSTMENT_REJECTED", adjustment.publicId(), why,
                "PROPOSED by " + adjustment.makerId(), "REJECTED");
        return view(adjustment);
    }

    /** Proposals in a status (proposed, approved, rejected, expired), newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AdjustmentView> list(String status, int limit) {
        String wanted = status == null || status.isBlank() ? "proposed" : status.strip().toLowerCase(Locale.ROOT);
        Adjustment.Status stored = switch (wanted) {
            case "proposed", "expired" -> Adjustment.Status.PROPOSED;
            case "approved" -> Adjustment.Status.APPROVED;
            case "rejected" -> Adjustment.Status.REJECTED;
            default -> throw BusinessException.invalid(List.of(new FieldError("status", "adjustment_status_invalid")));
        };
        Instant now = Instant.now();
        return em.createNamedQuery(Adjustment.BY_STATUS, Adjustment.class).setParameter("status", stored)
                .setMaxResults(500).getResultStream().map(a -> view(a, now))
                .filter(v -> v.status().equals(wanted)).limit(Math.max(1, Math.min(limit, 100))).toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AdjustmentView find(String adjustmentId) {
        return em.createNamedQuery(Adjustment.BY_PUBLIC_ID, Adjustment.class).setParameter("id", adjustmentId)
                .getResultStream().findFirst().map(this::view).orElseThrow(BusinessException::notFound);
    }

    /** The id of the operator calling, as the container knows them. */
    private String operator() {
        return context.getCallerPrincipal().getName();
    }

    private Adjustment validated(Proposal proposal, String maker, String idempotencyKey) {
        Proposal p = proposal == null ? new Proposal(null, null, null, null, null, null) : proposal;
        List<FieldError> errors = new ArrayList<>();
        String userId = p.userId() == null ? "" : p.userId().strip();
        if (!userId.startsWith("usr_") || users.findForOperator(userId).isEmpty()) {
            errors.add(new FieldError("account", "adjustment_account_unknown"));
        }
        Money amount = null;
        try {
            amount = amounts.positive(p.amount(), p.currency());
        } catch (BusinessException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            errors.addAll(e.fieldErrors());
        }
        Adjustment.Direction direction = null;
        String askedDirection = p.direction() == null ? "" : p.direction().strip().toUpperCase(Locale.ROOT);
        for (Adjustment.Direction d : Adjustment.Direction.values()) {
            if (d.name().equals(askedDirection)) {
                direction = d;
            }
        }
        if (direction == null) {
            errors.add(new FieldError("direction", "adjustment_direction_invalid"));
        }
        String reason = null;
        try {
            reason = Reasons.require(p.reason());
        } catch (BusinessException e) {
            errors.addAll(e.fieldErrors());
        }
        String ticket = p.ticket() == null || p.ticket().isBlank() ? null : p.ticket().strip();
        if (ticket != null && ticket.length() > MAX_TICKET) {
            errors.add(new FieldError("ticket", "adjustment_ticket_invalid", MAX_TICKET));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalid(errors);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new Adjustment(PublicIds.newId("adj"), userId, amount.currency(), amount.minor(), direction, reason, ticket,
                maker, idempotencyKey, now, now.plus(ttl));
    }

    /** The first proposal under a key, when the request is the same; idempotency_conflict otherwise. */
    private AdjustmentView replay(Adjustment earlier, Adjustment asked) {
        boolean same = earlier.userId().equals(asked.userId()) && earlier.currency().equals(asked.currency())
                && earlier.amount() == asked.amount() && earlier.direction() == asked.direction()
                && earlier.reason().equals(asked.reason())
                && java.util.Objects.equals(earlier.ticket(), asked.ticket());
        if (!same) {
            throw new BusinessException("idempotency_conflict");
        }
        return view(earlier);
    }

    private Adjustment locked(String adjustmentId) {
        return em.createNamedQuery(Adjustment.BY_PUBLIC_ID, Adjustment.class).setParameter("id", adjustmentId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(BusinessException::notFound);
    }

    /** The maker never decides their own proposal, whichever way they ask; the refusal itself is audited. */
    private void refuseMaker(Adjustment adjustment, String operator, String what) {
        if (adjustment.makerId().equals(operator)) {
            auditLog.recordFailure(operator, "ADJUSTMENT_SELF_DECISION_REFUSED", "-", AuditLog.actionDetail(
                    adjustment.publicId(), "the maker tried to " + what + " their own proposal",
                    adjustment.status().name(), adjustment.status().name()));
            throw new BusinessException("four_eyes_required");
        }
    }

    private void requireOpen(Adjustment adjustment) {
        if (adjustment.status() != Adjustment.Status.PROPOSED) {
            throw new BusinessException("adjustment_decided");
        }
        if (adjustment.lapsedAt(Instant.now())) {
            throw new BusinessException("adjustment_expired");
        }
    }

    private AdjustmentView view(Adjustment a) {
        return view(a, Instant.now());
    }

    private AdjustmentView view(Adjustment a, Instant now) {
        return AdjustmentView.of(a, currencies.money(a.amount(), a.currency()), now);
    }
}
