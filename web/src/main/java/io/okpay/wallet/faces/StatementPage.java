package io.okpay.wallet.faces;

import io.okpay.shared.faces.PreferredCurrency;
import io.okpay.currency.boundary.Currencies;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.MoneyFormat;
import io.okpay.wallet.boundary.Activity;
import io.okpay.wallet.boundary.Statement;
import io.okpay.wallet.boundary.Wallets;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * /wallet/statement.xhtml?month=YYYY-MM&currency=EUR: the monthly statement of one balance (the person's local month)
 * — opening balance, every movement, totals, closing balance — printable, with its CSV download. Without parameters:
 * this month of the person's preferred currency.
 */
@Named
@RequestScoped
public class StatementPage {

    @EJB
    Wallets wallets;

    @EJB
    Currencies currencies;

    @Inject
    CurrentUser currentUser;

    @Inject
    PreferredCurrency preferredCurrency;

    private String month;
    private String currency;
    private Statement statement;
    private List<HomePage.ActivityLine> lines = List.of();
    private List<String> errors = List.of();

    /** Runs as the view action, after the query parameters are set. */
    public void load() {
        if (month == null) {
            month = YearMonth.now(currentUser.zone()).toString();
        }
        if (currency == null) {
            currency = preferredCurrency.code();
        }
        Locale locale = HomePage.locale();
        try {
            statement = wallets.statement(currentUser.id(), month, currency);
            lines = HomePage.lines(new Activity(statement.entries(), null), locale, statement.zone());
        } catch (BusinessException e) {
            errors = e.fieldErrors().stream().map(f -> Messages.get(locale, "statement.field." + f.field()) + ": "
                    + Messages.get(locale, "error." + f.code(), f.args())).toList();
        }
    }

    public String getCsvQuery() {
        return "month=" + URLEncoder.encode(month, StandardCharsets.UTF_8) + "&currency="
                + URLEncoder.encode(currency, StandardCharsets.UTF_8);
    }

    public String getHeading() {
        return Messages.get(HomePage.locale(), "statement.heading", statement.month().toString(), statement.currency());
    }

    public String getPeriod() {
        return Messages.get(HomePage.locale(), "statement.period", statement.month().atDay(1).toString(),
                statement.month().atEndOfMonth().toString(), statement.zone().getId());
    }

    public String getOpening() {
        return MoneyFormat.format(statement.opening(), HomePage.locale());
    }

    public String getClosing() {
        return MoneyFormat.format(statement.closing(), HomePage.locale());
    }

    public String getMoneyIn() {
        return "+" + MoneyFormat.format(statement.moneyIn(), HomePage.locale());
    }

    public String getMoneyOut() {
        return MoneyFormat.format(statement.moneyOut().negate(), HomePage.locale());
    }

    public List<String> getCurrencies() {
        return currencies.enabledCodes();
    }

    public Statement getStatement() {
        return statement;
    }

    public List<HomePage.ActivityLine> getLines() {
        return lines;
    }

    public List<String> getErrors() {
        return errors;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month == null || month.isBlank() ? null : month.trim();
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency == null || currency.isBlank() ? null : currency.trim();
    }
}
