package io.okpay.risk.control;

import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.kyc.boundary.IdentityApprovals;
import io.okpay.risk.boundary.Tier;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** A person's tier from what identity and KYC know: T0 e-mail not verified, T1 verified, T2 identity approved. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Tiers {

    @EJB
    Users users;

    @EJB
    IdentityApprovals approvals;

    @jakarta.inject.Inject
    TierCache cache;

    public Tier of(String userId) {
        return of(users.require(userId));
    }

    /**
     * The tier of a wallet's owner, inside a posting: empty when identity knows no such person (accounts the ledger's
     * own tests open for made-up owners), whom limits then leave alone. Cached briefly ({@link TierCache}).
     */
    public java.util.Optional<Tier> ofOwner(String userId) {
        return cache.get(userId, () -> users.find(userId).map(this::of));
    }

    public Tier of(UserView user) {
        if (!user.emailVerified()) {
            return Tier.T0;
        }
        return approvals.approvedAt(user.id()).isPresent() ? Tier.T2 : Tier.T1;
    }
}
