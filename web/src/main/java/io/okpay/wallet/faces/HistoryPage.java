package io.okpay.wallet.faces;

import io.okpay.currency.boundary.Currencies;
import io.okpay.currency.entity.Currency;
import io.okpay.identity.faces.CurrentUser;
import io.okpay.shared.BusinessException;
import io.okpay.wallet.boundary.Activity;
import io.okpay.wallet.boundary.Wallets;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Set;

/**
 * /wallet/history.xhtml: every movement of the person's balances, newest first, with the balance after each; filters
 * by currency and type in the query string (plain GET, so a filtered page can be bookmarked), older pages by cursor.
 */
@Named
@RequestScoped
public class HistoryPage {

    /** The ledger codes a person's history can show so far. */
    static final List<String> TYPES = List.of("p2p_transfer", "topup");

    @EJB
    Wallets wallets;

    @EJB
    Currencies currencies;

    @Inject
    CurrentUser currentUser;

    private String currency;
    private String type;
    private Long before;
    private List<HomePage.ActivityLine> lines = List.of();
    private Long nextCursor;

    /** Runs as the view action, after the query parameters are set. */
    public void load() {
        Set<String> known = Set.copyOf(getCurrencies());
        String wantedCurrency = currency != null && known.contains(currency) ? currency : null;
        String wantedType = type != null && TYPES.contains(type) ? type : null;
        try {
            Activity page = wallets.activity(currentUser.id(), wantedCurrency, wantedType, before, 25);
            lines = HomePage.lines(page, HomePage.locale());
            nextCursor = page.nextCursor();
        } catch (BusinessException e) {
            lines = List.of();
        }
    }

    public List<String> getCurrencies() {
        return currencies.enabled().stream().map(Currency::code).sorted().toList();
    }

    public List<String> getTypes() {
        return TYPES;
    }

    public List<HomePage.ActivityLine> getLines() {
        return lines;
    }

    public Long getNextCursor() {
        return nextCursor;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency == null || currency.isBlank() ? null : currency;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type == null || type.isBlank() ? null : type;
    }

    public Long getBefore() {
        return before;
    }

    public void setBefore(Long before) {
        this.before = before;
    }
}
