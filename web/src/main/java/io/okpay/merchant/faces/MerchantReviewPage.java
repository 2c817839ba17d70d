package io.okpay.merchant.faces;

import io.okpay.identity.faces.PageMessages;
import io.okpay.merchant.boundary.MerchantReviews;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.entity.MerchantStatus;
import io.okpay.shared.BusinessException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * /admin/merchants.xhtml for compliance: the oldest pending merchant profiles, each approved or rejected with one
 * button (the list is the one on screen: a button always decides the row it is on). {@link MerchantReviews} checks the COMPLIANCE role itself; web.xml keeps everyone else off the page.
 */
@Named
@ViewScoped
public class MerchantReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 50;

    @EJB
    transient MerchantReviews reviews;

    private List<MerchantView> pending;

    @PostConstruct
    void load() {
        pending = reviews.inStatus(MerchantStatus.PENDING, null, PAGE_SIZE);
    }

    public String approve(String merchantId) {
        return decide(merchantId, MerchantStatus.APPROVED, "admin.merchants.approved");
    }

    public String reject(String merchantId) {
        return decide(merchantId, MerchantStatus.REJECTED, "admin.merchants.rejected");
    }

    private String decide(String merchantId, MerchantStatus decision, String doneKey) {
        try {
            MerchantView decided = reviews.decide(merchantId, decision);
            PageMessages.info(doneKey, decided.businessName());
        } catch (BusinessException e) {
            PageMessages.show(e, "queue");
        }
        PageMessages.keepForRedirect();
        return "/admin/merchants.xhtml?faces-redirect=true";
    }

    public List<MerchantView> getPending() {
        return pending;
    }

    public String created(MerchantView merchant) {
        return MerchantDashboardPage.TIME.format(merchant.createdAt());
    }
}
