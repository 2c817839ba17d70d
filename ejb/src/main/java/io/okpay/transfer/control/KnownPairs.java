package io.okpay.transfer.control;

import io.okpay.transfer.entity.Transfer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Has this sender paid this recipient before?", asked before every transfer (a new recipient needs a code). A yes
 * never turns into a no (transfer rows are never deleted), so this instance remembers the pairs it found and asks
 * the database only about the others; nothing to invalidate, and another instance at worst asks once more. At most
 * {@link #CAPACITY} pairs, then it starts over.
 */
@ApplicationScoped
public class KnownPairs {

    static final int CAPACITY = 100_000;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /** True when the sender sent the recipient a transfer before (read from {@code em} unless remembered). */
    public boolean paidBefore(EntityManager em, String senderId, String recipientId) {
        String pair = senderId + ' ' + recipientId;
        if (known.contains(pair)) {
            return true;
        }
        boolean found = !em.createNamedQuery(Transfer.ANY_BETWEEN, Long.class)
                .setParameter("senderId", senderId).setParameter("recipientId", recipientId)
                .setMaxResults(1).getResultList().isEmpty();
        if (found) {
            if (known.size() >= CAPACITY) {
                known.clear();
            }
            known.add(pair);
        }
        return found;
    }
}
