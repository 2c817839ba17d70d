package io.okpay.identity.boundary;

import io.okpay.identity.entity.Role;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentUsersTest {

    /** The rows as the database has them now, and how often they were read. */
    static class Rows extends Users {
        final Map<String, UserView> byId = new HashMap<>();
        int reads;

        @Override
        public UserView require(String userId) {
            reads++;
            return byId.get(userId);
        }

        @Override
        public Optional<UserView> findByEmailOrUsername(String emailOrUsername) {
            reads++;
            return byId.values().stream().filter(u -> u.email().equalsIgnoreCase(emailOrUsername.trim())
                    || u.displayName().equalsIgnoreCase(emailOrUsername.trim())).findFirst();
        }
    }

    private static UserView person(String id, String email, String name, boolean verified) {
        return new UserView(id, email, name, Locale.SIMPLIFIED_CHINESE, ZoneId.of("Asia/Shanghai"), verified,
                Set.of(Role.USER), true, false, false, "EMAIL", false);
    }

    private final Rows rows = new Rows();
    private final RecentUsers recent = new RecentUsers();

    RecentUsersTest() {
        recent.users = rows;
        rows.byId.put("usr_1", person("usr_1", "zoé@example.com", "zoe", true));
        rows.byId.put("usr_2", person("usr_2", "李雷@example.com", "lilei", false));
    }

    @Test
    void aVerifiedPersonIsReadOnceWhateverTheCaseOfTheName() {
        assertEquals("usr_1", recent.require("usr_1").id());
        assertEquals("usr_1", recent.require("usr_1").id());
        assertEquals("usr_1", recent.findByEmailOrUsername(" Zoé@Example.com ").orElseThrow().id());
        assertEquals("usr_1", recent.findByEmailOrUsername("zoé@example.com").orElseThrow().id());
        assertEquals(2, rows.reads);
    }

    @Test
    void someoneNotVerifiedIsReadEveryTimeSoTheirVerificationCountsAtOnce() {
        assertTrue(!recent.require("usr_2").emailVerified());
        rows.byId.put("usr_2", person("usr_2", "李雷@example.com", "lilei", true));
        assertTrue(recent.require("usr_2").emailVerified());
        assertEquals(2, rows.reads);
    }

    @Test
    void aChangeIsSeenOnceForgottenAndTheOldAddressNoLongerFindsThem() {
        recent.require("usr_1");
        recent.findByEmailOrUsername("zoé@example.com");
        rows.byId.put("usr_1", person("usr_1", "zoe.new@example.com", "zoe", true));
        recent.forget("usr_1");
        assertEquals("zoe.new@example.com", recent.require("usr_1").email());
        assertTrue(recent.findByEmailOrUsername("zoé@example.com").isEmpty());
        assertEquals(4, rows.reads);
    }

    @Test
    void nobodyIsNotRemembered() {
        assertTrue(recent.findByEmailOrUsername("nobody@example.com").isEmpty());
        assertTrue(recent.findByEmailOrUsername("nobody@example.com").isEmpty());
        assertTrue(recent.findByEmailOrUsername("  ").isEmpty());
        assertEquals(2, rows.reads);
    }
}
