package io.okpay.shared.faces;

import io.okpay.wallet.boundary.Wallets;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The currency the signed-in person's forms start with (top-up, send, convert, withdraw, statement): the one they hold
 * most of, else the one of their country (see {@link io.okpay.wallet.control.CurrencyChoice}). Asked once a request.
 */
@RequestScoped
public class PreferredCurrency {

    @EJB
    Wallets wallets;

    @Inject
    CurrentUser currentUser;

    @Inject
    HttpServletRequest request;

    private String code;

    public String code() {
        if (code == null) {
            code = wallets.preferredCurrency(currentUser.id(), browserLocales());
        }
        return code;
    }

    /**
     * The browser's own locales, from Accept-Language as sent: the request's locale is already narrowed to a language
     * OKPay speaks, which drops the country ("en-GB" would be just "en").
     */
    private List<Locale> browserLocales() {
        String header = request.getHeader("Accept-Language");
        List<Locale> locales = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return locales;
        }
        try {
            Locale.LanguageRange.parse(header).forEach(range -> locales.add(Locale.forLanguageTag(range.getRange())));
        } catch (IllegalArgumentException e) {
            // a malformed header tells nothing about the country
        }
        return locales;
    }
}
