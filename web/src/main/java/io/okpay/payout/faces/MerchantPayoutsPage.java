package io.okpay.payout.faces;

import io.okpay.shared.faces.CurrentUser;
import io.okpay.merchant.boundary.MerchantView;
import io.okpay.merchant.boundary.Merchants;
import io.okpay.payout.boundary.PayoutOwner;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** /merchant/payouts.xhtml: the owner of an approved merchant withdraws the shop's balance. */
@Named
@ViewScoped
public class MerchantPayoutsPage extends PayoutFormPage {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Merchants merchants;

    /** The shop's settlement currency: the balance its payments arrive in. */
    @Override
    protected String startingCurrency() {
        return currentUser.isSignedIn() ? merchants.ofOwner(currentUser.id()).map(MerchantView::settlementCurrency)
                .orElse("EUR") : "EUR";
    }

    @Override
    protected PayoutOwner owner() {
        if (!currentUser.isSignedIn()) {
            return null;
        }
        return merchants.ofOwner(currentUser.id()).filter(MerchantView::live)
                .map(merchant -> PayoutOwner.merchant(merchant.id())).orElse(null);
    }
}
