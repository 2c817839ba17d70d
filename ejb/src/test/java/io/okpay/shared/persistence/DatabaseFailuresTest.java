package io.okpay.shared.persistence;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    @DisplayName("deadlocks, lock wait timeouts and serialization failures are retried, through any wrapping")
    void retryable() {
        assertTrue(DatabaseFailures.isRetryable(wrapped(new SQLTransactionRollbackException("Deadlock found", "40001", 1213))));
        assertTrue(DatabaseFailures.isRetryable(wrapped(new SQLException("Lock wait timeout exceeded", "HY000", 1205))));
        assertTrue(DatabaseFailures.isRetryable(wrapped(new SQLException("serialization failure", "40001", 0))));
        assertFalse(DatabaseFailures.isRetryable(wrapped(new SQLException("Duplicate entry", "23000", 1062))));
        assertFalse(DatabaseFailures.isRetryable(new IllegalStateException("no database involved")));
    }

    @Test
    @DisplayName("a duplicate key is recognised, and is not taken for a transient failure")
    void duplicateKey() {
        assertTrue(DatabaseFailures.isDuplicateKey(wrapped(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))));
        assertFalse(DatabaseFailures.isDuplicateKey(wrapped(new SQLException("Deadlock found", "40001", 1213))));
    }

    /** How a failed flush reaches the boundary: an EJBException around JPA's exception around the driver's. */
    private static RuntimeException wrapped(SQLException cause) {
        return new EJBException(new PersistenceException("could not execute statement", cause));
    }
}
