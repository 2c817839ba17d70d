package io.okpay.wallet.faces;

import io.okpay.currency.boundary.Currencies;
import io.okpay.shared.faces.CurrentUser;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.wallet.boundary.Activity;
import io.okpay.wallet.boundary.HistoryFilter;
import io.okpay.wallet.boundary.Wallets;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * /wallet/history.xhtml: every movement of the person's balances, newest first, with the balance after each; filters
 * by currency, type, dates (the person's days) and counterparty in the query string (plain GET, so a filtered page can be bookmarked),
 * older pages by cursor, and the same filters as a CSV download.
 */
@Named
@RequestScoped
public class HistoryPage {

    /** The ledger codes a person's history can show so far. */
    static final List<String> TYPES = List.of("p2p_transfer", "p2p_claim", "p2p_return", "topup", "fx_conversion",
            "payment", "refund", "payout", "payout_fee");

    @EJB
    Wallets wallets;

    @EJB
    Currencies currencies;

    @Inject
    CurrentUser currentUser;

    private String currency;
    private String type;
    private String from;
    private String to;
    private String counterparty;
    private Long before;
    private List<HomePage.ActivityLine> lines = List.of();
    private List<String> errors = List.of();
    private Long nextCursor;

    /** Runs as the view action, after the query parameters are set. */
    public void load() {
        Set<String> known = Set.copyOf(getCurrencies());
        currency = currency != null && known.contains(currency) ? currency : null;
        type = type != null && TYPES.contains(type) ? type : null;
        Locale locale = HomePage.locale();
        try {
            Activity page = wallets.activity(currentUser.id(), HistoryFilter.of(currency, type, from, to, counterparty,
                    currentUser.zone()), before, 25);
            lines = HomePage.lines(page, locale, currentUser.zone());
            nextCursor = page.nextCursor();
        } catch (BusinessException e) {
            errors = e.fieldErrors().stream().map(f -> Messages.get(locale, "history.filter." + f.field()) + ": "
                    + Messages.get(locale, "error." + f.code(), f.args())).toList();
        }
    }

    /** The query of this page's filters, for the link to older entries. */
    public String getFilterQuery() {
        return query(Map.of());
    }

    /**
     * The query of the CSV download: the same filters; without dates, the year up to today (an export needs both
     * ends of its range).
     */
    public String getExportQuery() {
        LocalDate end = day(to) == null ? LocalDate.now(currentUser.zone()) : day(to);
        LocalDate start = day(from) == null ? end.minusDays(HistoryFilter.MAX_EXPORT_DAYS - 1) : day(from);
        return query(Map.of("from", start.toString(), "to", end.toString()));
    }

    private String query(Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("currency", currency);
        values.put("type", type);
        values.put("from", from);
        values.put("to", to);
        values.put("counterparty", counterparty);
        values.putAll(overrides);
        return values.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public List<String> getCurrencies() {
        return currencies.enabledCodes();
    }

    public List<String> getTypes() {
        return TYPES;
    }

    public List<HomePage.ActivityLine> getLines() {
        return lines;
    }

    public List<String> getErrors() {
        return errors;
    }

    public Long getNextCursor() {
        return nextCursor;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = blankToNull(currency);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = blankToNull(type);
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = blankToNull(from);
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = blankToNull(to);
    }

    public String getCounterparty() {
        return counterparty;
    }

    public void setCounterparty(String counterparty) {
        this.counterparty = blankToNull(counterparty);
    }

    public Long getBefore() {
        return before;
    }

    public void setBefore(Long before) {
        this.before = before;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
