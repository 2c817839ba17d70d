package io.okpay.shared.persistence;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.PersistenceException;

/**
 * Turns the database's "someone else got there first" failures inside a ledger write into a {@link WriteConflict},
 * before the container sees them. Everything else passes unchanged.
 */
public class WriteConflicts {

    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (PersistenceException e) {
            if (DatabaseFailures.isDuplicateKey(e) || DatabaseFailures.isRetryable(e)) {
                throw new WriteConflict(e);
            }
            throw e;
        }
    }
}
