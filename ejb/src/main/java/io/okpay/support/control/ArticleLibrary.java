package io.okpay.support.control;

import io.okpay.support.boundary.HelpArticle;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the help articles from the class path and renders them with commonmark-java. {@code help/articles.txt} lists
 * them in order, one {@code topic slug} a line; each exists as {@code help/<language>/<slug>.md} in every language of
 * {@link #LANGUAGES}. A missing file fails the start-up (and the unit test), so no language falls behind silently.
 * Raw HTML in an article is escaped and unsafe link schemes are dropped: the pages print the HTML as it is.
 */
public final class ArticleLibrary {

    /** The languages articles are written in, as language tags; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "zh-CN");

    static final String INDEX = "help/articles.txt";

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private ArticleLibrary() {
    }

    /** Every article, by language tag, in the index's order. */
    public static Map<String, List<HelpArticle>> load(ClassLoader loader) {
        List<String[]> index = new ArrayList<>();
        for (String line : read(loader, INDEX).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException(INDEX + ": expected 'topic slug', got: " + trimmed);
            }
            index.add(parts);
        }
        Map<String, List<HelpArticle>> byLanguage = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            List<HelpArticle> articles = new ArrayList<>();
            for (String[] entry : index) {
                String path = "help/" + language + "/" + entry[1] + ".md";
                articles.add(render(entry[1], entry[0], read(loader, path)));
            }
            byLanguage.put(language, List.copyOf(articles));
        }
        return byLanguage;
    }

    /** One article from its Markdown: the first level-1 heading is its title and leaves the body. */
    public static HelpArticle render(String slug, String topic, String markdown) {
        Node document = PARSER.parse(markdown);
        String title = slug;
        String summary = "";
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                title = TEXT.render(heading).strip();
                heading.unlink();
                break;
            }
        }
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph) {
                summary = TEXT.render(node).strip().replaceAll("\\s+", " ");
                break;
            }
        }
        return new HelpArticle(slug, topic, title, summary, HTML.render(document), TEXT.render(document));
    }

    private static String read(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing help article file: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
