package io.okpay.admin.faces;

import io.okpay.admin.boundary.OutboxAdmin;
import io.okpay.notification.boundary.OutboxDesk;
import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** /admin/outbox.xhtml (ADMIN): failed or dead messages with their attempts and last error; retry one with a reason. */
@Named
@ViewScoped
public class OutboxPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OutboxAdmin outbox;

    @Inject
    transient CurrentUser currentUser;

    private String status = "failed";
    private final Map<Long, String> reasons = new HashMap<>();
    private transient List<OutboxDesk.Message> messages;

    public List<OutboxDesk.Message> getMessages() {
        if (messages == null) {
            try {
                messages = outbox.list(status, 100);
            } catch (BusinessException e) {
                status = "failed";
                messages = outbox.list(status, 100);
            }
        }
        return messages;
    }

    public String retry(long id) {
        try {
            outbox.retry(id, reasons.get(id));
            PageMessages.info("admin.outbox.retried", id);
        } catch (BusinessException e) {
            PageMessages.show(e, "messages", field -> null);
            return null;
        }
        PageMessages.keepForRedirect();
        return "/admin/outbox.xhtml?faces-redirect=true&status=" + status;
    }

    public List<String> getStatuses() {
        return List.of("failed", "dead", "pending", "delivered");
    }

    public String time(java.time.Instant at) {
        return at == null ? "" : currentUser.time(at);
    }

    public Map<Long, String> getReasons() { return reasons; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
}
