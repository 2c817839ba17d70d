package io.okpay.identity.boundary;

import io.okpay.identity.entity.Role;
import io.okpay.identity.entity.User;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who operates the back office, and ADMIN's granting and taking away of the operator roles (SUPPORT, COMPLIANCE,
 * FINANCE, ADMIN). A role is granted to an open account with a confirmed address; it takes effect at the operator's
 * next sign-in. The last ADMIN keeps the role: nobody could grant roles any more. The caller audits the change with
 * its reason.
 */
@Stateless
@RolesAllowed("ADMIN")
public class Operators {

    /** The operator roles, in the order pages list them. */
    public static final List<String> ROLES = List.of("SUPPORT", "COMPLIANCE", "FINANCE", "ADMIN");

    /** At most this many operators are listed. */
    static final int LIST_MAX = 500;

    @PersistenceContext(unitName = "okpay")
    EntityManager em;

    /** An operator: id, address, username and operator roles (in {@link #ROLES} order). */
    public record OperatorView(String id, String email, String displayName, List<String> roles) implements Serializable {
    }

    /** A change of roles: the roles before and after, comma-separated; {@code changed} false when nothing was to do. */
    public record RoleChange(OperatorView operator, String before, String after, boolean changed) implements Serializable {
    }

    /** Every account holding an operator role, the newest accounts first. */
    public List<OperatorView> list() {
        return em.createQuery("SELECT u FROM User u WHERE u.closedAt IS NULL AND (u.roles LIKE '%SUPPORT%' "
                        + "OR u.roles LIKE '%COMPLIANCE%' OR u.roles LIKE '%FINANCE%' OR u.roles LIKE '%ADMIN%') ORDER BY u.id DESC",
                User.class).setMaxResults(LIST_MAX).getResultStream().map(Operators::view).toList();
    }

    public RoleChange grant(String userId, String role) {
        Role wanted = operatorRole(role);
        User user = account(userId);
        if (!user.emailVerified()) {
            throw BusinessException.invalid(List.of(new FieldError("user", "operator_unverified")));
        }
        String before = names(user);
        boolean changed = !user.roles().contains(wanted);
        if (changed) {
            user.grant(wanted);
        }
        return new RoleChange(view(user), before, names(user), changed);
    }

    public RoleChange revoke(String userId, String role) {
        Role unwanted = operatorRole(role);
        User user = account(userId);
        String before = names(user);
        if (!user.roles().contains(unwanted)) {
            return new RoleChange(view(user), before, before, false);
        }
        if (unwanted == Role.ADMIN) {
            // Locks every ADMIN's row: two ADMINs taking the role from each other at once cannot both succeed.
            List<User> admins = em.createQuery("SELECT u FROM User u WHERE u.closedAt IS NULL AND u.roles LIKE '%ADMIN%'",
                    User.class).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            if (!mayRevokeAdmin(admins.stream().filter(u -> u.roles().contains(Role.ADMIN)).count())) {
                throw new BusinessException("last_admin");
            }
        }
        user.revoke(unwanted);
        return new RoleChange(view(user), before, names(user), true);
    }

    /** Whether ADMIN may be taken from one of {@code admins} holders: never from the last one. */
    static boolean mayRevokeAdmin(long admins) {
        return admins > 1;
    }

    private User account(String userId) {
        if (userId == null || !userId.startsWith("usr_")) {
            throw BusinessException.notFound();
        }
        return em.createQuery("SELECT u FROM User u WHERE u.publicId = :id AND u.closedAt IS NULL", User.class)
                .setParameter("id", userId).getResultStream().findFirst().orElseThrow(BusinessException::notFound);
    }

    private static Role operatorRole(String role) {
        String name = role == null ? "" : role.strip().toUpperCase(Locale.ROOT);
        if (!ROLES.contains(name)) {
            throw BusinessException.invalid(List.of(new FieldError("role", "role_invalid")));
        }
        return Role.valueOf(name);
    }

    private static OperatorView view(User user) {
        Set<Role> roles = user.roles();
        return new OperatorView(user.publicId(), user.email(), user.username(),
                ROLES.stream().filter(r -> roles.contains(Role.valueOf(r))).toList());
    }

    private static String names(User user) {
        String names = String.join(",", view(user).roles());
        return names.isEmpty() ? "none" : names;
    }
}
