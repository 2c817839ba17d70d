package io.okpay.admin.boundary;

import io.okpay.admin.control.Reasons;
import io.okpay.audit.boundary.AuditLog;
import io.okpay.notification.boundary.OutboxDesk;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

import java.util.List;

/** The outbox for ADMIN: failed and dead messages with their attempts, and a retry with a reason (audited). */
@Stateless
@RolesAllowed("ADMIN")
public class OutboxAdmin {

    @EJB
    OutboxDesk desk;

    @EJB
    AuditLog auditLog;

    @Resource
    SessionContext context;

    public List<OutboxDesk.Message> list(String status, int limit) {
        return desk.list(status, limit);
    }

    public OutboxDesk.Message retry(long id, String reason) {
        String why = Reasons.require(reason);
        OutboxDesk.Message[] change = desk.retry(id);
        auditLog.recordAction(context.getCallerPrincipal().getName(), "OUTBOX_RETRY", "outbox " + id + " (" + change[0].type() + ")",
                why, change[0].status() + ", " + change[0].attempts() + " attempt(s)", change[1].status() + ", due now");
        return change[1];
    }
}
