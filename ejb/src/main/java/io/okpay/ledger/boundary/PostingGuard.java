package io.okpay.ledger.boundary;

import java.util.List;

/**
 * A rule another feature adds to every posting and hold (limits, freezes): the ledger calls each guard inside the
 * posting's own database transaction, before it locks the accounts and writes anything, so a guard's own rows
 * (counters, which it locks itself) commit or roll back with the money, and its work never lengthens the time a busy
 * account (a shop everyone pays) stays locked. A guard refuses by throwing a
 * {@link io.okpay.shared.BusinessException}. Follow-ups (posting or voiding a hold, expiries, reversals) are not
 * shown: what they move was shown when the hold was made or the original posted.
 * <p>
 * The ledger knows its guards only by this interface (CDI beans), so the features that guard it may depend on the
 * ledger, never the other way round.
 */
public interface PostingGuard {

    void check(Movement movement);

    /**
     * Money about to move: the caller's {@code code} (topup, p2p_transfer, payment, payout, fx_conversion ...),
     * whether it is a hold (the money is reserved now and moves later), and the change on each account.
     */
    record Movement(String code, boolean hold, List<Leg> legs) {

        public Movement {
            legs = List.copyOf(legs);
        }
    }

    /**
     * One account's part: {@code change} is what the posting does to the account's balance in minor units of
     * {@code currency} (negative: money leaves the account; for a hold, the amount reserved).
     */
    record Leg(long accountId, OwnerType ownerType, String ownerId, Purpose purpose, String currency, long change) {
    }
}
