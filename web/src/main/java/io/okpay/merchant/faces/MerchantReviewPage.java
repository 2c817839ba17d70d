package io.okpay.merchant.faces;

import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import io.okpay.merchant.boundary.MerchantReviews;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.MerchantStatus;
import io.okpay.shared.BusinessException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * /admin/merchants.xhtml for compliance: merchant profiles by status ({@code ?status=}, pending by default), oldest
 * first, with the decisions each status allows: approve or reject a pending one, suspend an approved one, approve a
 * suspended one again. The list is the one on screen, so a button always decides the row it is on.
 * {@link MerchantReviews} checks the COMPLIANCE role itself; web.xml keeps everyone else off the page.
 */
@Named
@ViewScoped
public class MerchantReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 50;

    @EJB
    transient MerchantReviews reviews;

    @Inject
    transient CurrentUser currentUser;

    private MerchantStatus status = MerchantStatus.PENDING;
    private List<MerchantView> merchants;

    @PostConstruct
    void load() {
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("status");
        status = Arrays.stream(MerchantStatus.values()).filter(s -> s.name().equalsIgnoreCase(asked)).findFirst()
                .orElse(MerchantStatus.PENDING);
        merchants = reviews.inStatus(status, null, PAGE_SIZE);
    }

    public String approve(String merchantId) {
        return decide(merchantId, MerchantStatus.APPROVED, "admin.merchants.approved");
    }

    public String reject(String merchantId) {
        return decide(merchantId, MerchantStatus.REJECTED, "admin.merchants.rejected");
    }

    public String suspend(String merchantId) {
        return decide(merchantId, MerchantStatus.SUSPENDED, "admin.merchants.suspended");
    }

    private String decide(String merchantId, MerchantStatus decision, String doneKey) {
        try {
            MerchantView decided = reviews.decide(merchantId, decision);
            PageMessages.info(doneKey, decided.businessName());
        } catch (BusinessException e) {
            PageMessages.show(e, "queue");
        }
        PageMessages.keepForRedirect();
        return "/admin/merchants.xhtml?faces-redirect=true&status=" + getStatus();
    }

    /** The status listed, in lower case as in the address and the bundle keys. */
    public String getStatus() {
        return status.name().toLowerCase(Locale.ROOT);
    }

    public List<String> getStatuses() {
        return Arrays.stream(MerchantStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    }

    public List<MerchantView> getMerchants() {
        return merchants;
    }

    public String created(MerchantView merchant) {
        return currentUser.time(merchant.createdAt());
    }
}
