package io.okpay.wallet.faces;

import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.faces.PageMessages;
import io.okpay.shared.BusinessException;
import io.okpay.shared.MoneyFormat;
import io.okpay.shared.TimeZones;
import io.okpay.transfer.boundary.Escrow;
import io.okpay.wallet.boundary.Activity;
import io.okpay.shared.Balance;
import io.okpay.wallet.boundary.Wallets;
import io.okpay.wallet.boundary.ActivityText;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * /wallet/home.xhtml: one card per balance, the last five movements, and what needs the person's attention (confirming
 * the e-mail address; money sent to someone who has not joined yet, which can be cancelled here).
 */
@Named
@RequestScoped
public class HomePage {

    @EJB
    Wallets wallets;

    @EJB
    Escrow escrow;

    @Inject
    CurrentUser currentUser;

    private List<BalanceCard> balances;
    private List<ActivityLine> recent;
    private List<WaitingTransfer> waiting;

    /** A balance as shown: the amount, and what is available when some of it is reserved. */
    public record BalanceCard(String currency, String balance, String available, boolean reserved) {
    }

    /** A movement as shown: what it was with whom as one sentence, the note as its sender wrote it, signed amount and
     *  the balance after it. */
    public record ActivityLine(String when, String what, String note, String change, String balanceAfter,
                               boolean incoming, String transactionId) {
    }

    /** Money the person sent to an address without an account, waiting until {@code until} to be claimed. */
    public record WaitingTransfer(String id, String email, String amount, String until) {
    }

    @PostConstruct
    void load() {
        Locale locale = locale();
        String userId = currentUser.id();
        balances = wallets.balances(userId).stream().map(b -> card(b, locale)).toList();
        recent = lines(wallets.activity(userId, null, null, null, 5), locale, currentUser.zone());
        waiting = escrow.waitingForClaim(userId).stream().map(t -> new WaitingTransfer(t.id(), t.recipient().email(),
                MoneyFormat.format(t.amount(), locale), currentUser.time(t.claimUntil()))).toList();
    }

    /** Takes back a transfer still waiting for its recipient; the money is back in the balance at once. */
    public String cancel(String transferId) {
        try {
            escrow.cancel(currentUser.id(), transferId);
            PageMessages.info("wallet.waiting.cancelled");
        } catch (BusinessException e) {
            PageMessages.show(e, "waiting");
        }
        PageMessages.keepForRedirect();
        return "/wallet/home.xhtml?faces-redirect=true";
    }

    static BalanceCard card(Balance balance, Locale locale) {
        return new BalanceCard(balance.currency(), MoneyFormat.format(balance.balance(), locale),
                MoneyFormat.format(balance.available(), locale), !balance.available().equals(balance.balance()));
    }

    /** Lines of a history page in the page's language and the person's time zone; shared with the history page. */
    public static List<ActivityLine> lines(Activity activity, Locale locale, ZoneId zone) {
        return activity.items().stream().map(item -> new ActivityLine(TimeZones.format(item.createdAt(), zone, locale),
                ActivityText.sentence(item, locale), item.note(),
                (item.incoming() ? "+" : "") + MoneyFormat.format(item.change(), locale),
                MoneyFormat.format(item.balanceAfter(), locale), item.incoming(), item.transactionId())).toList();
    }

    static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public List<BalanceCard> getBalances() {
        return balances;
    }

    public List<WaitingTransfer> getWaiting() {
        return waiting;
    }

    public List<ActivityLine> getRecent() {
        return recent;
    }
}
