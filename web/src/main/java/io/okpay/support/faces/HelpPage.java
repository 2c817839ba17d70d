package io.okpay.support.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** /help/index.xhtml (the articles, or those that match {@code ?q=}) and /help/article.xhtml?slug=… (404 if none). */
@Named
@RequestScoped
public class HelpPage {

    @Inject
    HelpCentre centre;

    private String q;
    private String slug;
    private HelpCentre.Article article;

    public List<HelpCentre.Article> getResults() {
        return centre.search(locale(), q);
    }

    public void loadArticle() throws IOException {
        article = centre.article(locale(), slug).orElse(null);
        if (article == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "not found");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public HelpCentre.Article getArticle() {
        return article;
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
