package io.okpay.support.faces;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpCentreTest {

    @Test
    @DisplayName("every article exists in both languages, with a title and a summary, and the search finds by every word")
    void articlesAndSearch() {
        HelpCentre centre = new HelpCentre();
        centre.load();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            List<HelpCentre.Article> articles = centre.articles(locale);
            assertEquals(HelpCentre.SLUGS, articles.stream().map(HelpCentre.Article::slug).toList());
            articles.forEach(a -> assertFalse(a.title().isBlank() || a.summary().isBlank(), a.slug()));
        }
        assertEquals(List.of("security-advice"), centre.search(Locale.ENGLISH, "public WI-FI").stream()
                .map(HelpCentre.Article::slug).toList());
        assertTrue(centre.search(Locale.SIMPLIFIED_CHINESE, "恢复码").stream().anyMatch(a -> a.slug().equals("lost-second-factor")));
        assertEquals(HelpCentre.SLUGS.size(), centre.search(Locale.ENGLISH, "  ").size());
        assertTrue(centre.search(Locale.ENGLISH, "no-such-word-anywhere").isEmpty());
        assertTrue(centre.article(Locale.ENGLISH, "../secret").isEmpty());
    }

    @Test
    @DisplayName("raw HTML in an article is escaped and unsafe links are dropped; an article needs a title")
    void safeHtml() {
        HelpCentre.Article article = HelpCentre.parse("x", "# Title\n\nText <script>alert(1)</script> [bad](javascript:alert(1)) [ok](/support/contact.xhtml)",
                Parser.builder().build(), HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build(),
                TextContentRenderer.builder().build());
        assertEquals("Title", article.title());
        assertTrue(article.html().contains("&lt;script&gt;") && !article.html().contains("<script>"), article.html());
        assertFalse(article.html().contains("javascript:"), article.html());
        assertTrue(article.html().contains("href=\"/support/contact.xhtml\""), article.html());
        assertThrows(IllegalStateException.class, () -> HelpCentre.parse("y", "no title", Parser.builder().build(),
                HtmlRenderer.builder().build(), TextContentRenderer.builder().build()));
    }
}
