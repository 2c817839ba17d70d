package io.okpay.admin.boundary;

import io.okpay.admin.control.Reasons;
import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.boundary.AccountSecurity;
import io.okpay.identity.boundary.Operators;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

import java.util.List;

/**
 * ADMIN manages the operators: grants or takes away SUPPORT, COMPLIANCE, FINANCE and ADMIN, each time with a reason,
 * audited (who, which role, whom, the roles before and after). A role taken away also ends the operator's sessions, so
 * the pages stop at once and no refresh token renews an API token; a granted one counts from their next sign-in. The last
 * ADMIN keeps the role.
 */
@Stateless
@RolesAllowed("ADMIN")
public class OperatorAdmin {

    @Resource
    SessionContext context;

    @EJB
    Operators operators;

    @EJB
    AccountSecurity security;

    @EJB
    AuditLog auditLog;

    public List<Operators.OperatorView> list() {
        return operators.list();
    }

    public Operators.RoleChange grant(String userId, String role, String reason) {
        String why = Reasons.require(reason);
        Operators.RoleChange change = operators.grant(userId, role);
        auditLog.recordAction(operator(), "ADMIN_ROLE_GRANTED", userId + " " + role.strip().toUpperCase(java.util.Locale.ROOT),
                why, change.before(), change.after());
        return change;
    }

    public Operators.RoleChange revoke(String userId, String role, String reason) {
        String why = Reasons.require(reason);
        Operators.RoleChange change = operators.revoke(userId, role);
        String ended = "";
        if (change.changed()) {
            ended = ", " + security.endAllSessions(userId) + " session(s) ended";
        }
        auditLog.recordAction(operator(), "ADMIN_ROLE_REVOKED", userId + " " + role.strip().toUpperCase(java.util.Locale.ROOT),
                why, change.before(), change.after() + ended);
        return change;
    }

    private String operator() {
        return context.getCallerPrincipal().getName();
    }
}
