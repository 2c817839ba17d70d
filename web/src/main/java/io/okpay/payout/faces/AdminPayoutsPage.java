package io.okpay.payout.faces;

import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import io.okpay.payout.boundary.PayoutBatchFile;
import io.okpay.payout.boundary.PayoutView;
import io.okpay.payout.boundary.PayoutDesk;
import io.okpay.payout.boundary.PayoutStatus;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.MoneyFormat;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /admin/payouts.xhtml for operators (FINANCE): the pending and the exported payouts, the export as a CSV or pain.001
 * download, a batch downloaded again, and each payout marked paid or failed (with a reason). The page is guarded by
 * web.xml for FINANCE; the boundary is called with the operator's id, which goes into the audit log.
 */
@Named
@ViewScoped
public class AdminPayoutsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A payout in the queue. */
    public record Row(String id, String created, String owner, String amount, String to, String statusKey)
            implements Serializable {
    }

    @EJB
    transient PayoutDesk desk;

    @Inject
    transient CurrentUser currentUser;

    private final Map<String, String> reasons = new HashMap<>();
    private String batchId;
    private List<Row> pending;
    private List<Row> processing;

    public List<Row> getPending() {
        if (pending == null) {
            pending = rows(EnumSet.of(PayoutStatus.PENDING, PayoutStatus.CANCELLING));
        }
        return pending;
    }

    public List<Row> getProcessing() {
        if (processing == null) {
            processing = rows(EnumSet.of(PayoutStatus.PROCESSING, PayoutStatus.PAYING, PayoutStatus.FAILING));
        }
        return processing;
    }

    public String exportCsv() {
        return download(() -> desk.export(currentUser.id(), false));
    }

    public String exportPain001() {
        return download(() -> desk.export(currentUser.id(), true));
    }

    public String downloadCsv() {
        return download(() -> desk.batchFile(batchId, false));
    }

    public String downloadPain001() {
        return download(() -> desk.batchFile(batchId, true));
    }

    public String markPaid(String payoutId) {
        try {
            desk.markPaid(currentUser.id(), payoutId);
            PageMessages.info("admin.payouts.marked-paid", payoutId);
        } catch (BusinessException e) {
            PageMessages.show(e, "queue");
        }
        refresh();
        return null;
    }

    public String markFailed(String payoutId) {
        try {
            desk.markFailed(currentUser.id(), payoutId, reasons.get(payoutId));
            PageMessages.info("admin.payouts.marked-failed", payoutId);
            reasons.remove(payoutId);
        } catch (BusinessException e) {
            showAtTop(e);
        }
        refresh();
        return null;
    }

    /** The queue's inputs are per row: field errors (the reason) are shown at the top, in the page's language. */
    private static void showAtTop(BusinessException e) {
        if (e.fieldErrors().isEmpty()) {
            PageMessages.show(e, "queue");
            return;
        }
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        e.fieldErrors().forEach(f -> PageMessages.error(Messages.get(locale, "error." + f.code(), f.args())));
    }

    private interface FileSource {
        PayoutBatchFile get();
    }

    /** Sends the file as the answer to the form post (a download); failures stay on the page as messages. */
    private String download(FileSource source) {
        PayoutBatchFile file;
        try {
            file = source.get();
        } catch (BusinessException e) {
            PageMessages.show(e, "files");
            refresh();
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext response = faces.getExternalContext();
        response.responseReset();
        response.setResponseContentType(file.contentType() + "; charset=UTF-8");
        response.setResponseContentLength(file.content().length);
        response.setResponseHeader("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
        try {
            response.getResponseOutputStream().write(file.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
        refresh();
        return null;
    }

    private void refresh() {
        pending = null;
        processing = null;
    }

    private List<Row> rows(EnumSet<PayoutStatus> statuses) {
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return desk.inStatus(statuses, null, 100).payouts().stream().map((PayoutView p) -> new Row(p.id(),
                currentUser.time(p.createdAt()), p.owner().id(), MoneyFormat.format(p.amount(), locale),
                p.ibanMasked() + " · " + p.accountHolder(), "payout.status." + p.status().wireName())).toList();
    }

    public Map<String, String> getReasons() {
        return reasons;
    }

    public String getBatchId() {
        return batchId;
    }

    public void setBatchId(String batchId) {
        this.batchId = batchId == null ? null : batchId.strip();
    }
}
