package io.okpay.support.boundary;

import io.okpay.support.control.ArticleLibrary;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The help centre's articles, rendered once at start-up from the Markdown files in the ejb jar (see
 * {@link ArticleLibrary}): listed by topic, one by slug, and searched in the reader's language.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HelpCentre {

    /** The longest search OKPay looks at; the rest of a longer query is ignored. */
    static final int MAX_QUERY = 100;

    /** A topic and its articles, in the index's order. */
    public record Topic(String name, List<HelpArticle> articles) {
    }

    private volatile Map<String, List<HelpArticle>> byLanguage;

    @PostConstruct
    void load() {
        byLanguage = ArticleLibrary.load(HelpCentre.class.getClassLoader());
    }

    /** Every article in the reader's language (English unless it is Chinese). */
    public List<HelpArticle> articles(Locale locale) {
        return byLanguage.get(language(locale));
    }

    /** The articles grouped by topic, topics in the order of their first article. */
    public List<Topic> topics(Locale locale) {
        Map<String, List<HelpArticle>> grouped = new LinkedHashMap<>();
        for (HelpArticle article : articles(locale)) {
            grouped.computeIfAbsent(article.topic(), topic -> new ArrayList<>()).add(article);
        }
        return grouped.entrySet().stream().map(e -> new Topic(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** The article with this slug in the reader's language; empty for a slug no article has. */
    public Optional<HelpArticle> find(String slug, Locale locale) {
        return articles(locale).stream().filter(article -> article.slug().equals(slug)).findFirst();
    }

    /**
     * The articles whose title or text contain every word of the query (case-insensitive; Chinese, written without
     * spaces, matches as a substring), those with a word in the title first. A blank query finds nothing.
     */
    public List<HelpArticle> search(String query, Locale locale) {
        return search(articles(locale), query);
    }

    static List<HelpArticle> search(List<HelpArticle> articles, String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String cut = query.strip();
        cut = cut.length() > MAX_QUERY ? cut.substring(0, MAX_QUERY) : cut;
        List<String> words = List.of(cut.toLowerCase(Locale.ROOT).split("\\s+"));
        List<HelpArticle> inTitle = new ArrayList<>();
        List<HelpArticle> inText = new ArrayList<>();
        for (HelpArticle article : articles) {
            String title = article.title().toLowerCase(Locale.ROOT);
            String all = title + "\n" + article.text().toLowerCase(Locale.ROOT);
            if (words.stream().allMatch(all::contains)) {
                (words.stream().anyMatch(title::contains) ? inTitle : inText).add(article);
            }
        }
        inTitle.addAll(inText);
        return inTitle;
    }

    /** The articles' language tag for a locale. */
    public static String language(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    }
}
