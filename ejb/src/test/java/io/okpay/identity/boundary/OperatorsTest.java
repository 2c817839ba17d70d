package io.okpay.identity.boundary;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorsTest {

    @Test
    @DisplayName("ADMIN may be taken from one of two or more holders, never from the last one")
    void lastAdminKeepsTheRole() {
        assertFalse(Operators.mayRevokeAdmin(1));
        assertFalse(Operators.mayRevokeAdmin(0));
        assertTrue(Operators.mayRevokeAdmin(2));
    }
}
