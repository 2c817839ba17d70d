package io.okpay.wallet.faces;

import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.MoneyFormat;
import io.okpay.wallet.boundary.Activity;
import io.okpay.wallet.boundary.TransactionDetail;
import io.okpay.wallet.boundary.Wallets;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * /wallet/transaction.xhtml?id=txn_...: one transaction of the person's: what it was, with whom, the note, and per
 * balance it moved the amount, fee and balance after; its ids. Someone else's, or an unknown id, is the 404 page.
 */
@Named
@RequestScoped
public class TransactionPage {

    @EJB
    Wallets wallets;

    @Inject
    CurrentUser currentUser;

    private String id;
    private TransactionDetail detail;
    private List<Line> lines = List.of();

    /** One balance the transaction moved, formatted: signed amount, fee, balance after. */
    public record Line(String currency, String amount, String fee, String balanceAfter, boolean incoming) {
    }

    /** Runs as the view action. */
    public void load() {
        try {
            detail = wallets.transaction(currentUser.id(), id);
        } catch (BusinessException e) {
            FacesContext faces = FacesContext.getCurrentInstance();
            try {
                faces.getExternalContext().responseSendError(404, "");
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            faces.responseComplete();
            return;
        }
        Locale locale = HomePage.locale();
        lines = detail.lines().stream().map(item -> line(item, locale)).toList();
    }

    private static Line line(Activity.Item item, Locale locale) {
        boolean incoming = item.change().isPositive();
        return new Line(item.currency(), (incoming ? "+" : "") + MoneyFormat.format(item.change(), locale),
                MoneyFormat.format(item.fee(), locale), MoneyFormat.format(item.balanceAfter(), locale), incoming);
    }

    public String getWhat() {
        Locale locale = HomePage.locale();
        String key = "activity.code." + detail.code();
        return Messages.get(locale, Messages.has(locale, key) ? key : "activity.code.other");
    }

    public String getWhen() {
        return HomePage.TIME.format(detail.createdAt());
    }

    public TransactionDetail getDetail() {
        return detail;
    }

    public List<Line> getLines() {
        return lines;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
