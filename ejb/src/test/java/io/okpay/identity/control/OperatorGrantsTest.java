package io.okpay.identity.control;

import io.okpay.identity.entity.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorGrantsTest {

    @Test
    @DisplayName("reads e-mail=ROLE+ROLE entries, case-insensitive roles, blanks ignored")
    void parses() {
        Map<String, Set<Role>> cut = OperatorGrants.parse(" ann@example.com=finance+ADMIN , bob@example.com=SUPPORT,");
        assertEquals(Set.of(Role.FINANCE, Role.ADMIN), cut.get("ann@example.com"));
        assertEquals(Set.of(Role.SUPPORT), cut.get("bob@example.com"));
        assertTrue(OperatorGrants.parse("").isEmpty());
    }

    @Test
    @DisplayName("refuses customer roles, unknown roles and entries without an address")
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> OperatorGrants.parse("ann@example.com=USER"));
        assertThrows(IllegalArgumentException.class, () -> OperatorGrants.parse("ann@example.com=MERCHANT"));
        assertThrows(IllegalArgumentException.class, () -> OperatorGrants.parse("ann@example.com=BOSS"));
        assertThrows(IllegalArgumentException.class, () -> OperatorGrants.parse("FINANCE"));
        assertThrows(IllegalArgumentException.class, () -> OperatorGrants.parse("ann=FINANCE"));
    }
}
