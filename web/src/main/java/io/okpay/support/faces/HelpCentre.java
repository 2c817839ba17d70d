package io.okpay.support.faces;

import io.okpay.currency.boundary.Currencies;
import io.okpay.currency.boundary.Currency;
import io.okpay.shared.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The help centre's articles: Markdown files in the repository ({@code help/<language>/<slug>.md} on the class path,
 * reviewed like code), rendered once at start-up with commonmark-java (raw HTML in them is escaped, unsafe links
 * removed). The first line is the title ({@code # …}), the first paragraph the summary. An article may hold
 * {@code {{currencies}}}: the currencies enabled in the registry at the time the page is shown.
 */
@Named
@ApplicationScoped
public class HelpCentre {

    /** The articles in the order of the help centre's index. */
    static final List<String> SLUGS = List.of("getting-started", "topping-up-and-fees", "sending-money", "currencies",
            "security-advice", "account-used-by-someone-else", "lost-second-factor", "merchants");
    static final String CURRENCIES = "<p>{{currencies}}</p>";

    /** An article in one language: {@code html} is safe to show as it is. */
    public record Article(String slug, String title, String summary, String html, String text) {
    }

    @EJB
    Currencies currencies;

    private final Map<String, Map<String, Article>> byLanguage = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        Parser parser = Parser.builder().build();
        HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
        TextContentRenderer text = TextContentRenderer.builder().build();
        for (String language : List.of("en", "zh-CN")) {
            Map<String, Article> articles = new LinkedHashMap<>();
            for (String slug : SLUGS) {
                articles.put(slug, parse(slug, read(language, slug), parser, html, text));
            }
            byLanguage.put(language, articles);
        }
    }

    static Article parse(String slug, String markdown, Parser parser, HtmlRenderer html, TextContentRenderer text) {
        String[] lines = markdown.strip().split("\n", 2);
        if (!lines[0].startsWith("# ") || lines.length < 2) {
            throw new IllegalStateException("help article " + slug + " must start with '# Title' and have a text");
        }
        Node body = parser.parse(lines[1]);
        String plain = text.render(body).strip();
        String summary = Arrays.stream(plain.split("\n")).filter(l -> !l.isBlank()).findFirst().orElse("");
        return new Article(slug, lines[0].substring(2).strip(), summary, html.render(body), plain);
    }

    private static String read(String language, String slug) {
        String path = "help/" + language + "/" + slug + ".md";
        try (InputStream in = HelpCentre.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing help article " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Article> articles(Locale locale) {
        return List.copyOf(byLanguage.get(language(locale)).values());
    }

    public Optional<Article> article(Locale locale, String slug) {
        Article article = slug == null ? null : byLanguage.get(language(locale)).get(slug);
        if (article == null) {
            return Optional.empty();
        }
        if (!article.html().contains(CURRENCIES)) {
            return Optional.of(article);
        }
        StringBuilder list = new StringBuilder("<ul id=\"currency-list\">");
        for (Currency currency : currencies.enabled()) {
            list.append("<li><strong>").append(currency.code()).append("</strong> ")
                    .append(escape(java.util.Currency.getInstance(currency.code()).getDisplayName(locale)))
                    .append("</li>");
        }
        list.append("</ul>");
        return Optional.of(new Article(article.slug(), article.title(), article.summary(),
                article.html().replace(CURRENCIES, list), article.text()));
    }

    /** The articles whose title or text holds every word of the query (any case); all of them for a blank query. */
    public List<Article> search(Locale locale, String query) {
        List<String> words = query == null ? List.of() : Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isBlank()).toList();
        List<Article> found = new ArrayList<>();
        for (Article article : articles(locale)) {
            String haystack = (article.title() + "\n" + article.text()).toLowerCase(Locale.ROOT);
            if (words.stream().allMatch(haystack::contains)) {
                found.add(article);
            }
        }
        return found;
    }

    private static String language(Locale locale) {
        return Messages.SIMPLIFIED_CHINESE.getLanguage().equals(Messages.supported(locale).getLanguage()) ? "zh-CN" : "en";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
