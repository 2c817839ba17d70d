package io.okpay.shared.persistence;

import jakarta.ejb.ApplicationException;

/**
 * A ledger write lost to another one in the database: a unique key was taken first, or MariaDB chose this transaction
 * as a deadlock victim / it waited too long for a lock. An application exception, so the container rolls back without
 * logging a system failure or discarding the bean; the boundary decides what happens next (replay, retry, refuse).
 * The driver's exception stays as the cause, where {@link DatabaseFailures} reads it.
 */
@ApplicationException(rollback = true)
public class WriteConflict extends RuntimeException {

    public WriteConflict(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
