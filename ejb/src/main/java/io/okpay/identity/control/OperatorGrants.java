package io.okpay.identity.control;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.entity.Role;
import io.okpay.identity.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Makes operators out of configuration, so a new installation has someone who may import statements, issue vouchers
 * or check the ledger: {@code okpay.operators=ann@example.com=FINANCE+ADMIN,bob@example.com=SUPPORT}. Applied at
 * start-up to accounts that exist with a verified address; roles are only added, never taken away here, and every
 * grant goes to the audit log. Operators always sign in with a second factor.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class OperatorGrants {

    private static final Logger LOG = Logger.getLogger(OperatorGrants.class.getName());

    @Inject
    @ConfigProperty(name = "okpay.operators")
    Optional<String> operators;

    @Inject
    UserDirectory directory;

    @EJB
    AuditLog auditLog;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void apply() {
        parse(operators.orElse("")).forEach((email, roles) -> {
            Optional<User> found = directory.byEmail(UserDirectory.normalizeEmail(email));
            if (found.isEmpty() || !found.get().emailVerified()) {
                LOG.warning("okpay.operators names " + email + ", which has no account with a verified address yet: "
                        + "sign up, confirm the address, then restart");
                return;
            }
            User user = found.get();
            for (Role role : roles) {
                if (!user.roles().contains(role)) {
                    user.grant(role);
                    auditLog.record(user.publicId(), "ROLE_GRANTED", "-", role.name() + " from configuration");
                    LOG.info(() -> email + " is now " + role);
                }
            }
        });
    }

    /** {@code email=ROLE+ROLE,email=ROLE}; only operator roles; anything else is a configuration error. */
    static Map<String, Set<Role>> parse(String spec) {
        Map<String, Set<Role>> grants = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || !entry.substring(0, eq).contains("@")) {
                throw new IllegalArgumentException("okpay.operators: expected email=ROLE+ROLE, got '" + entry.trim() + "'");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String name : entry.substring(eq + 1).split("\\+")) {
                Role role;
                try {
                    role = Role.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("okpay.operators: unknown role '" + name.trim() + "'");
                }
                if (!role.isOperator()) {
                    throw new IllegalArgumentException("okpay.operators: " + role + " is not an operator role");
                }
                roles.add(role);
            }
            grants.put(entry.substring(0, eq).trim(), roles);
        }
        return grants;
    }
}
