package io.okpay.risk.control;

import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.PostingGuard;
import io.okpay.ledger.boundary.Purpose;
import io.okpay.risk.boundary.LockState;
import io.okpay.risk.boundary.MovementKind;
import io.okpay.risk.boundary.Tier;
import io.okpay.shared.BusinessException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Limits, freezes and self-locks on every posting and hold, inside the posting's transaction (see
 * {@link PostingGuard}). Which movement a posting is comes from its ledger code ({@link MovementKind}); it counts what
 * leaves people's wallets (for payouts also merchants' balances), or for a top-up what comes into a wallet. A frozen
 * or self-locked person's wallets take money in but let none out. Then, unless limits are off, the amount in the
 * reference currency must fit the tier's per-transaction limit, and the counter row of the owner and kind (locked)
 * must stay within the hour's count, the day's and the month's amounts; the counters then grow by it (one
 * conditional UPDATE when it fits, {@link UsageCounters#addWithin}). A person's
 * outgoing movement that passed is also counted for the risk rules' velocity ({@link Velocity}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RiskGuard implements PostingGuard {

    @Inject
    LimitTable table;

    @Inject
    ReferenceAmounts amounts;

    @EJB
    UsageCounters counters;

    @EJB
    LockRows locks;

    @EJB
    Tiers tiers;

    @Inject
    LimitRules rules;

    @Inject
    Velocity velocity;

    @Override
    public void check(Movement movement) {
        MovementKind kind = MovementKind.ofLedgerCode(movement.code()).orElse(null);
        if (kind == null) {
            return;
        }
        // Per owner, sorted, so that counter rows are always locked in the same order; amounts are weighed in the
        // reference currency only for an owner that has limits (no rate is looked up for anyone else).
        Map<String, List<Leg>> byOwner = new TreeMap<>();
        for (Leg leg : movement.legs()) {
            if (counts(kind, leg)) {
                byOwner.computeIfAbsent(leg.ownerId(), id -> new ArrayList<>()).add(leg);
            }
        }
        Instant now = Instant.now();
        for (Map.Entry<String, List<Leg>> owner : byOwner.entrySet()) {
            OwnerType type = owner.getValue().get(0).ownerType();
            boolean leavesPerson = type == OwnerType.USER && !kind.incoming();
            Optional<Tier> tier = !table.enabled() ? Optional.empty()
                    : type == OwnerType.MERCHANT ? Optional.of(Tier.MERCHANT) : tiers.ofOwner(owner.getKey());
            if (tier.isPresent()) {
                long reference = 0;
                for (Leg leg : owner.getValue()) {
                    reference = Math.addExact(reference,
                            amounts.of(kind.incoming() ? leg.change() : -leg.change(), leg.currency()));
                }
                within(tier.get(), kind, owner.getKey(), reference, now, leavesPerson);
            } else if (leavesPerson) {
                refuseIfLocked(locks.of(owner.getKey()), now);
            }
            if (leavesPerson) {
                velocity.count(owner.getKey());
            }
        }
    }

    /** The legs a kind limits: people's wallets (and, for payouts, merchants' balances), in the kind's direction. */
    private static boolean counts(MovementKind kind, Leg leg) {
        boolean wallet = leg.ownerType() == OwnerType.USER && leg.purpose() == Purpose.WALLET;
        boolean merchantPayout = kind == MovementKind.WITHDRAW && leg.ownerType() == OwnerType.MERCHANT
                && leg.purpose() == Purpose.MERCHANT;
        return (wallet || merchantPayout) && (kind.incoming() ? leg.change() > 0 : leg.change() < 0);
    }

    private static void refuseIfLocked(LockState state, Instant now) {
        if (state.frozen()) {
            throw new BusinessException("account_frozen_outgoing");
        }
        if (state.selfLocked(now)) {
            throw new BusinessException("account_self_locked");
        }
    }

    /**
     * Counts the movement if it fits; {@code leavesPerson}: and if the person is neither frozen nor self-locked, in the
     * same statement. When it did not count, the freeze or self-lock is refused first, as before any limit.
     */
    private void within(Tier tier, MovementKind kind, String ownerId, long amount, Instant now, boolean leavesPerson) {
        if (counters.addWithin(ownerId, kind, amount, table, tier, now, leavesPerson)) {
            return;
        }
        if (leavesPerson) {
            refuseIfLocked(locks.of(ownerId), now);
        }
        // The owner's first movement of this kind, or over a limit: lock the row (made if need be) and say which.
        Usage used = counters.lock(ownerId, kind, now);
        rules.check(tier, kind, amount, used, now);
        counters.add(ownerId, kind, used, amount, now);
    }
}
