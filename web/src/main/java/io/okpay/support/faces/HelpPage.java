package io.okpay.support.faces;

import io.okpay.currency.boundary.Currencies;
import io.okpay.currency.boundary.Currency;
import io.okpay.support.boundary.HelpArticle;
import io.okpay.support.boundary.HelpCentre;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The help centre: /help/ lists the articles by topic and searches them (?q=, in the page's language);
 * /help/article.xhtml?slug= shows one, an unknown slug is the 404 page. The currencies article also lists the
 * currencies the registry has enabled now.
 */
@Named
@RequestScoped
public class HelpPage {

    /** The article that lists the enabled currencies under its text. */
    static final String CURRENCIES = "currencies";

    @EJB
    HelpCentre helpCentre;

    @EJB
    Currencies currencies;

    private String q;
    private String slug;
    private HelpArticle article;

    /** An enabled currency as the page shows it: code and name in the page's language. */
    public record CurrencyRow(String code, String name) {
    }

    /** Runs as the article page's view action. */
    public void load() {
        article = slug == null ? null : helpCentre.find(slug, locale()).orElse(null);
        if (article == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            try {
                faces.getExternalContext().responseSendError(404, "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
    }

    public List<HelpCentre.Topic> getTopics() {
        return helpCentre.topics(locale());
    }

    public List<HelpArticle> getResults() {
        return helpCentre.search(q, locale());
    }

    public boolean isSearching() {
        return q != null && !q.isBlank();
    }

    public HelpArticle getArticle() {
        return article;
    }

    public boolean isListsCurrencies() {
        return article != null && CURRENCIES.equals(article.slug());
    }

    /** The enabled currencies, read from the registry for this request. */
    public List<CurrencyRow> getEnabledCurrencies() {
        Locale locale = locale();
        return currencies.enabled().stream().map(c -> new CurrencyRow(c.code(), name(c, locale))).toList();
    }

    private static String name(Currency currency, Locale locale) {
        try {
            return java.util.Currency.getInstance(currency.code()).getDisplayName(locale);
        } catch (IllegalArgumentException notIso) {
            return currency.name();
        }
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }
}
