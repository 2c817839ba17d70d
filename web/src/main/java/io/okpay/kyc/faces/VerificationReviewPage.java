package io.okpay.kyc.faces;

import io.okpay.kyc.boundary.ReviewView;
import io.okpay.kyc.boundary.ScreeningListView;
import io.okpay.kyc.boundary.VerificationReviews;
import io.okpay.kyc.boundary.VerificationStatus;
import io.okpay.kyc.boundary.Verifications;
import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * /admin/verifications.xhtml for compliance: verifications by status ({@code ?status=}, pending by default), oldest
 * first, each with the person's details, links to the documents (opened by {@link DocumentServlet}, audited), the
 * screening hits (clear one with a reason) and the decisions; and the screening list upload.
 * {@link VerificationReviews} checks the COMPLIANCE role itself; web.xml keeps everyone else off the page.
 */
@Named
@ViewScoped
public class VerificationReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 50;

    @EJB
    transient VerificationReviews reviews;

    @Inject
    transient CurrentUser currentUser;

    private VerificationStatus status = VerificationStatus.PENDING;
    private List<ReviewView> verifications;
    private final Map<String, String> reasons = new HashMap<>();
    private final Map<String, String> documents = new HashMap<>();
    private final Map<String, String> clearReasons = new HashMap<>();
    private String listName;
    private transient Part listFile;

    @PostConstruct
    void load() {
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("status");
        status = Arrays.stream(VerificationStatus.values()).filter(s -> s.name().equalsIgnoreCase(asked)).findFirst()
                .orElse(VerificationStatus.PENDING);
        verifications = reviews.inStatus(status, null, PAGE_SIZE);
    }

    public String approve(String id) {
        return decide(() -> reviews.approve(id), "admin.kyc.approved");
    }

    public String reject(String id) {
        return decide(() -> reviews.reject(id, reasons.get(id)), "admin.kyc.rejected");
    }

    public String requestMore(String id) {
        return decide(() -> reviews.requestMore(id, documents.get(id), reasons.get(id)),
                "admin.kyc.more-requested");
    }

    public String clearHit(String id, String hitId) {
        try {
            reviews.clearHit(id, hitId, clearReasons.get(hitId));
            PageMessages.info("admin.kyc.hit.done");
        } catch (BusinessException e) {
            PageMessages.show(e, "clear", field -> null);
            return null;
        }
        return again();
    }

    public String upload() {
        try {
            String csv = "";
            if (listFile != null) {
                try (InputStream in = listFile.getInputStream()) {
                    csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            ScreeningListView list = reviews.uploadList(listName, csv);
            PageMessages.info("admin.kyc.list.uploaded", list.entries(), list.newHits());
        } catch (BusinessException e) {
            PageMessages.show(e, "list");
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return again();
    }

    private String decide(java.util.function.Supplier<ReviewView> decision, String doneKey) {
        try {
            ReviewView decided = decision.get();
            PageMessages.info(doneKey, decided.details().legalName());
        } catch (BusinessException e) {
            // The forms repeat once per verification: every message goes to the top, next to no particular field.
            PageMessages.show(e, "queue", field -> null);
            return null;
        }
        return again();
    }

    private String again() {
        PageMessages.keepForRedirect();
        return "/admin/verifications.xhtml?faces-redirect=true&status=" + getStatus();
    }

    public String getStatus() {
        return status.name().toLowerCase(Locale.ROOT);
    }

    public List<String> getStatuses() {
        return Arrays.stream(VerificationStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    }

    public List<String> getFileFields() {
        return Verifications.FILE_FIELDS;
    }

    public List<ReviewView> getVerifications() {
        return verifications;
    }

    public String time(Instant at) {
        return at == null ? "" : currentUser.time(at);
    }

    /** The country's name in the page's language. */
    public String country(String code) {
        return code == null ? "" : new Locale("", code).getDisplayCountry(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public Map<String, String> getReasons() {
        return reasons;
    }

    public Map<String, String> getDocuments() {
        return documents;
    }

    public Map<String, String> getClearReasons() {
        return clearReasons;
    }

    public String getListName() {
        return listName;
    }

    public void setListName(String listName) {
        this.listName = listName;
    }

    public Part getListFile() {
        return listFile;
    }

    public void setListFile(Part listFile) {
        this.listFile = listFile;
    }
}
