package io.okpay.risk.faces;

import io.okpay.identity.boundary.StepUpRequired;
import io.okpay.risk.boundary.AccountLocks;
import io.okpay.risk.boundary.LimitExceeded;
import io.okpay.risk.boundary.LockState;
import io.okpay.shared.BusinessException;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import io.okpay.shared.web.ClientAddress;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.time.Instant;

/**
 * /risk/lock.xhtml (and the lock button of the security page): the person locks their own account at once; to unlock
 * they ask for a code, type it, and the lock ends 24 hours later.
 */
@Named
@ViewScoped
public class LockPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AccountLocks locks;

    @Inject
    transient CurrentUser currentUser;

    @Inject
    transient ClientAddress clientAddress;

    private String challengeId;
    private String code;

    public LockState getState() {
        return locks.of(currentUser.id());
    }

    public boolean isLocked() {
        return getState().selfLocked(Instant.now());
    }

    public boolean isUnlocking() {
        return getState().unlocking(Instant.now());
    }

    public boolean isFrozen() {
        return getState().frozen();
    }

    public String getUnlocksAt() {
        LockState state = getState();
        return state.unlockAt() == null ? "" : LimitExceeded.when(state.unlockAt(), locale());
    }

    public String lock() {
        try {
            locks.lock(currentUser.id(), clientAddress.of(request()));
            PageMessages.info("risk.lock.done");
        } catch (BusinessException e) {
            PageMessages.show(e, "lock");
            return null;
        }
        PageMessages.keepForRedirect();
        return "/risk/lock.xhtml?faces-redirect=true";
    }

    /** Sends the code that approves the unlock. */
    public String askCode() {
        try {
            locks.unlock(currentUser.id(), null, null, clientAddress.of(request()));
        } catch (StepUpRequired e) {
            challengeId = e.challengeId();
            PageMessages.info("risk.unlock.code-sent");
        } catch (BusinessException e) {
            PageMessages.show(e, "unlock");
        }
        return null;
    }

    public String unlock() {
        String typed = code;
        code = null;
        try {
            locks.unlock(currentUser.id(), challengeId, typed, clientAddress.of(request()));
            challengeId = null;
            PageMessages.info("risk.unlock.done");
        } catch (StepUpRequired e) {
            challengeId = e.challengeId();
            PageMessages.info("risk.unlock.code-sent");
            return null;
        } catch (BusinessException e) {
            PageMessages.show(e, "unlock");
            return null;
        }
        PageMessages.keepForRedirect();
        return "/risk/lock.xhtml?faces-redirect=true";
    }

    public boolean isCodeAsked() {
        return challengeId != null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    private static java.util.Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
