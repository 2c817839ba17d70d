package io.okpay.payout.faces;

import io.okpay.shared.faces.CurrentUser;
import io.okpay.payout.boundary.PayoutOwner;
import io.okpay.shared.faces.PreferredCurrency;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** /wallet/withdraw.xhtml: a person withdraws from their own wallet. */
@Named
@ViewScoped
public class WithdrawPage extends PayoutFormPage {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PreferredCurrency preferredCurrency;

    @Override
    protected PayoutOwner owner() {
        return currentUser.isSignedIn() ? PayoutOwner.person(currentUser.id()) : null;
    }

    @Override
    protected String startingCurrency() {
        return currentUser.isSignedIn() ? preferredCurrency.code() : "EUR";
    }
}
