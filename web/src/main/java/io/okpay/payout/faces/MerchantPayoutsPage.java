package io.okpay.payout.faces;

import io.okpay.shared.faces.CurrentUser;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.payout.boundary.PayoutOwner;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** /merchant/payouts.xhtml: the owner of an approved merchant withdraws the shop's balance. */
@Named
@ViewScoped
public class MerchantPayoutsPage extends PayoutFormPage {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentUser currentUser;

    @EJB
    transient Merchants merchants;

    @Override
    protected PayoutOwner owner() {
        if (!currentUser.isSignedIn()) {
            return null;
        }
        return merchants.ofOwner(currentUser.id()).filter(MerchantView::live)
                .map(merchant -> PayoutOwner.merchant(merchant.id())).orElse(null);
    }
}
