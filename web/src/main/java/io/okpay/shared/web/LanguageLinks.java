package io.okpay.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The language switch's links: this same page in another language. The rest of the query stays (a checkout's session,
 * a history filter), so switching language never loses what the person was doing.
 */
@Named
@RequestScoped
public class LanguageLinks {

    @Inject
    HttpServletRequest request;

    public String href(String language) {
        StringBuilder href = new StringBuilder("?");
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.equals("lang") && !pair.startsWith("lang=")) {
                    href.append(pair).append('&');
                }
            }
        }
        return href.append("lang=").append(language).toString();
    }
}
