package io.okpay.ledger.control;

import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who owns each account and what for, by account id, as this instance found them: fixed when the account is opened
 * (like its id, see {@link AccountIds}), so nothing to invalidate, also across instances. The posting guards read
 * them before the accounts are locked. At most {@link AccountIds#CAPACITY} accounts, then it starts over.
 */
@ApplicationScoped
public class AccountOwners {

    /** The fixed facts of one account. */
    public record Owner(OwnerType ownerType, String ownerId, Purpose purpose) {
    }

    private final Map<Long, Owner> owners = new ConcurrentHashMap<>();

    public Optional<Owner> find(long accountId) {
        return Optional.ofNullable(owners.get(accountId));
    }

    public void remember(long accountId, Owner owner) {
        if (owners.size() >= AccountIds.CAPACITY) {
            owners.clear();
        }
        owners.put(accountId, owner);
    }
}
