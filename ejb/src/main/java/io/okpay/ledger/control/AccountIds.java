package io.okpay.ledger.control;

import io.okpay.ledger.boundary.OwnerType;
import io.okpay.ledger.boundary.Purpose;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Account ids by owner, purpose and currency, as this instance found them. An account, once opened, keeps its id for
 * good (unique key on owner, purpose and currency; accounts are closed, never deleted or moved), so there is nothing
 * to invalidate, also across instances: only ids are remembered, never balances or statuses, which the posting reads
 * under its lock. At most {@link #CAPACITY} ids, then it starts over.
 */
@ApplicationScoped
public class AccountIds {

    static final int CAPACITY = 200_000;

    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    public Optional<Long> find(OwnerType ownerType, String ownerId, Purpose purpose, String currency) {
        return Optional.ofNullable(ids.get(key(ownerType, ownerId, purpose, currency)));
    }

    public void remember(OwnerType ownerType, String ownerId, Purpose purpose, String currency, long id) {
        if (ids.size() >= CAPACITY) {
            ids.clear();
        }
        ids.put(key(ownerType, ownerId, purpose, currency), id);
    }

    private static String key(OwnerType ownerType, String ownerId, Purpose purpose, String currency) {
        return ownerType.name() + ' ' + ownerId + ' ' + purpose.name() + ' ' + currency;
    }
}
