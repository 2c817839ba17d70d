package io.okpay.admin.faces;

import io.okpay.admin.boundary.AuditTrail;
import io.okpay.audit.boundary.AuditLog;
import io.okpay.shared.faces.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** /admin/audit.xhtml (COMPLIANCE, ADMIN): the audit log filtered by actor, event and text, and the chain's check. */
@Named
@RequestScoped
public class AuditPage {

    @EJB
    AuditTrail trail;

    @Inject
    CurrentUser currentUser;

    private String actor;
    private String event;
    private String text;
    private List<AuditLog.Entry> records;
    private AuditLog.Verification chain;

    public List<AuditLog.Entry> getRecords() {
        if (records == null) {
            records = trail.search(new AuditLog.Filter(actor, event, text, null, null, null), 100);
        }
        return records;
    }

    public AuditLog.Verification getChain() {
        if (chain == null) {
            chain = trail.verify();
        }
        return chain;
    }

    public String time(java.time.Instant at) {
        return currentUser.time(at);
    }

    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getEvent() { return event; }
    public void setEvent(String event) { this.event = event; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
