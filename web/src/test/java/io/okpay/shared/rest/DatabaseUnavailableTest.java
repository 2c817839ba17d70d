package io.okpay.shared.rest;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that cannot be reached is a 503 with Retry-After (the fault suite cuts it off), not a 500; so is a cluster
 * member that rejoined the data grid before OKPay is deployed on it (the fault suite kills one).
 */
class DatabaseUnavailableTest {

    @Test
    @DisplayName("connection failures anywhere in the cause chain, the pool's and the commit's included, are the database being unreachable")
    void recognised() {
        assertTrue(ProblemMapper.databaseUnreachable(new RuntimeException("JPA",
                new SQLNonTransientConnectionException("Socket fail to connect to 127.0.0.1:3306", "08000"))));
        assertTrue(ProblemMapper.databaseUnreachable(new IllegalStateException(new SQLException("gone", "08S01"))));
        assertTrue(ProblemMapper.databaseUnreachable(new SQLException("Error in allocating a connection",
                new jakarta.resource.spi.ResourceAllocationException("Connection could not be allocated"))));
        // The server killed in the middle of a commit: the container's exception keeps only the message of the cause.
        jakarta.transaction.SystemException commit = new jakarta.transaction.SystemException();
        commit.initCause(new javax.transaction.xa.XAException("jakarta.resource.spi.LocalTransactionException: "
                + "(conn=42) Connection reset"));
        assertTrue(ProblemMapper.databaseUnreachable(new jakarta.ejb.EJBException(
                "Unable to complete container-managed transaction.", commit)));
        assertTrue(ProblemMapper.databaseUnreachable(new jakarta.ejb.EJBException(
                "Unable to complete container-managed transaction.", new jakarta.transaction.HeuristicMixedException())));
        assertFalse(ProblemMapper.databaseUnreachable(new SQLException("Duplicate entry", "23000")));
        assertFalse(ProblemMapper.databaseUnreachable(new jakarta.ejb.EJBException("Transaction aborted",
                new jakarta.transaction.RollbackException("marked for rollback"))));
        assertFalse(ProblemMapper.databaseUnreachable(new IllegalStateException("a bug of ours")));
    }

    @Test
    @DisplayName("a grid member that cannot load OKPay's classes yet (deploying) is the cluster starting, other missing classes are not")
    void clusterMemberStarting() {
        assertTrue(ProblemMapper.clusterMemberStarting(new RuntimeException(
                "Failed to create an instance of io.okpay.shared.ForgetAfterAnHour",
                new ClassNotFoundException("io.okpay.shared.ForgetAfterAnHour"))));
        assertFalse(ProblemMapper.clusterMemberStarting(new RuntimeException(
                new ClassNotFoundException("org.example.Missing"))));
        assertFalse(ProblemMapper.clusterMemberStarting(new IllegalStateException("a bug of ours")));
    }
}
