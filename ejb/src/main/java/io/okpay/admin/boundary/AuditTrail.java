package io.okpay.admin.boundary;

import io.okpay.audit.boundary.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import java.util.List;

/** The audit log for COMPLIANCE and ADMIN: filtered, newest first, and the check of its hash chain. */
@Stateless
@RolesAllowed({"COMPLIANCE", "ADMIN"})
public class AuditTrail {

    @EJB
    AuditLog auditLog;

    public List<AuditLog.Entry> search(AuditLog.Filter filter, int limit) {
        return auditLog.search(filter, limit);
    }

    public AuditLog.Verification verify() {
        return auditLog.verify();
    }
}
