package io.okpay.wallet.faces;

import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.BusinessException;
import io.okpay.shared.MoneyFormat;
import io.okpay.wallet.boundary.Activity;
import io.okpay.wallet.boundary.TransactionDetail;
import io.okpay.wallet.boundary.Wallets;
import io.okpay.wallet.boundary.ActivityText;
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
 * /wallet/transaction.xhtml?id=txn_...: one transaction of the person's, their side of it: what it was with whom (a
 * person, or the shop and its order), per balance it moved the amount, the fee where they paid one and the balance
 * after, the note and date; then its ids, small and copyable. Someone else's, or an unknown id, is the 404 page.
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

    /** One balance the transaction moved, formatted: signed amount, the fee this person paid (null: none), balance after. */
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
        return new Line(item.currency(), (item.incoming() ? "+" : "") + MoneyFormat.format(item.change(), locale),
                item.fee().isPositive() ? MoneyFormat.format(item.fee(), locale) : null,
                MoneyFormat.format(item.balanceAfter(), locale), item.incoming());
    }

    /** What it was with whom, as one sentence ("Payment to Mug Shop for order W-77"). */
    public String getWhat() {
        return ActivityText.sentence(detail.lines().get(0), HomePage.locale());
    }

    /** Whether this person paid a fee on any balance, for the hint that explains it. */
    public boolean isFeePaid() {
        return lines.stream().anyMatch(line -> line.fee() != null);
    }

    public String getWhen() {
        return currentUser.time(detail.createdAt());
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
