package io.okpay.support.control;

import io.okpay.support.boundary.HelpArticle;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleLibraryTest {

    private final Map<String, List<HelpArticle>> library = ArticleLibrary.load(getClass().getClassLoader());

    @Test
    void everyArticleExistsInEveryLanguageAndRenders() {
        List<String> slugs = library.get("en").stream().map(HelpArticle::slug).toList();
        assertTrue(slugs.size() >= 18, "all the articles the issue asks for: " + slugs);
        for (String language : ArticleLibrary.LANGUAGES) {
            List<HelpArticle> articles = library.get(language);
            assertEquals(slugs, articles.stream().map(HelpArticle::slug).toList(), language);
            for (HelpArticle article : articles) {
                String where = language + "/" + article.slug();
                assertFalse(article.title().isBlank() || article.title().equals(article.slug()), where + ": a # title");
                assertFalse(article.summary().isBlank(), where + ": a first paragraph");
                assertTrue(article.html().contains("<p>"), where + ": rendered");
                assertFalse(article.html().contains("<h1"), where + ": the title is the page's heading, not the body's");
                assertFalse(article.html().matches("(?s).*<(script|style|iframe|img|div|span|form)\\b.*"), where + ": raw HTML");
            }
        }
    }

    @Test
    void chineseArticlesAreWrittenInChinese() {
        for (HelpArticle article : library.get("zh-CN")) {
            assertTrue(article.title().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    article.slug());
            assertFalse(article.text().contains("你"), article.slug() + ": 您, not 你 (glossary)");
        }
    }

    @Test
    void rawHtmlAndUnsafeLinksAreEscaped() {
        HelpArticle article = ArticleLibrary.render("x", "t", """
                # Title <b>bold</b>

                Text <script>alert(1)</script> and <img src=x onerror=alert(2)>.

                <div style="color:red">block</div>

                [click](javascript:alert(3)) [fees](article.xhtml?slug=fees)
                """);
        assertTrue(article.title().startsWith("Title") && article.title().contains("bold"), article.title());
        assertFalse(article.html().contains("<script"), article.html());
        assertFalse(article.html().contains("<img"), article.html());
        assertFalse(article.html().contains("<div"), article.html());
        assertFalse(article.html().contains("javascript:"), article.html());
        assertTrue(article.html().contains("&lt;script&gt;"), article.html());
        assertTrue(article.html().contains("href=\"article.xhtml?slug=fees\""), article.html());
    }
}
