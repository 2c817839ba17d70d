package io.okpay.privacy.faces;

import io.okpay.identity.boundary.AccountClosure;
import io.okpay.identity.boundary.StepUp;
import io.okpay.privacy.boundary.AccountClosing;
import io.okpay.privacy.boundary.BalancesNotZero;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The "Your data" part of the security page: the two downloads (links to {@link PrivacyFiles}) and closing the
 * account: the button checks the balances and sends a code; the code closes the account, signs the person out and
 * shows the closed page.
 */
@Named
@ViewScoped
public class PrivacyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AccountClosing closing;

    @EJB
    transient StepUp stepUp;

    @Inject
    transient CurrentUser currentUser;

    private String challengeId;
    private String code;

    /** Checks the balances and sends the code; the page then asks for it. */
    public void requestClosure() {
        try {
            challengeId = closing.begin(currentUser.id());
        } catch (BalancesNotZero e) {
            showBalancesLeft(e);
        } catch (BusinessException e) {
            PageMessages.show(e, "close");
        }
    }

    /** Closes the account with the code, then signs the person out and shows the closed page. */
    public void confirmClosure() throws IOException, ServletException {
        String typed = code;
        code = null;
        try {
            closing.close(currentUser.id(), challengeId, typed);
        } catch (BalancesNotZero e) {
            challengeId = null;
            showBalancesLeft(e);
            return;
        } catch (BusinessException e) {
            PageMessages.show(e, "close-confirm");
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/privacy/closed.xhtml");
    }

    public void resendCode() {
        try {
            challengeId = stepUp.sendAgain(currentUser.id(), challengeId, AccountClosure.CLOSE_ACCOUNT);
            code = null;
            PageMessages.info("code.resent");
        } catch (BusinessException e) {
            PageMessages.show(e, "close-confirm");
        }
    }

    public void cancel() {
        challengeId = null;
        code = null;
    }

    public boolean isConfirming() {
        return challengeId != null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    /** The amounts in the page's language and money format ("$7.00, ¥300"), not the API's decimal strings. */
    private static void showBalancesLeft(BalancesNotZero e) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        PageMessages.error(Messages.get(locale, "error.closure_balance_not_zero",
                e.amounts().stream().map(m -> MoneyFormat.format(m, locale)).collect(Collectors.joining(", "))));
    }
}
